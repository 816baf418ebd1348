import { DownOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import type { Actor } from '@highland/server';
import { Link, useNavigate, useRouterState } from '@tanstack/react-router';
import { Avatar, Dropdown, Layout, Menu, Space, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignOut } from '../lib/session.js';
import { LanguageSwitch } from '../components/ui/language-switch.js';
import { NAV_SECTIONS, type NavItem, visibleNavItems } from './nav.js';

const roleColor: Record<Actor['role'], string> = { admin: 'purple', government: 'red', manager: 'blue', lp: 'green' };

/** The signed-in frame: navigation by role on the left, language and account on the right. */
export function AppShell(props: { actor: Actor; children: ReactNode }) {
  const { t } = useTranslation();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const items = visibleNavItems(props.actor);
  const selected = items.find((i) => pathname === i.path || pathname.startsWith(`${i.path}/`))?.path;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={224} breakpoint="lg" collapsedWidth={64}>
        <div style={{ position: 'sticky', top: 0 }}>
          <div className="hl-sider-logo">
            <img src="/favicon.svg" width={28} height={28} alt="" />
            <div>
              {t('product')}
              <small>{t('productFull')}</small>
            </div>
          </div>
          <Menu theme="dark" mode="inline" selectedKeys={selected ? [selected] : []} data-testid="nav" items={menuItems(items, t)} />
        </div>
      </Layout.Sider>
      <Layout>
        <Layout.Header className="hl-header">
          <LanguageSwitch />
          <UserMenu actor={props.actor} />
        </Layout.Header>
        <Layout.Content>{props.children}</Layout.Content>
      </Layout>
    </Layout>
  );
}

function UserMenu(props: { actor: Actor }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const signOut = useSignOut();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'account', icon: <UserOutlined />, label: t('account') },
          { type: 'divider' },
          { key: 'signOut', icon: <LogoutOutlined />, label: <span data-testid="sign-out">{t('signOut')}</span>, danger: true },
        ],
        onClick: ({ key }) => {
          if (key === 'account') void navigate({ to: '/account' });
          if (key === 'signOut') signOut.mutate(undefined, { onSettled: () => void navigate({ to: '/sign-in' }) });
        },
      }}
    >
      <Space style={{ cursor: 'pointer', lineHeight: 1.2 }} data-testid="user-menu">
        <Avatar size="small" style={{ background: '#1d4ed8' }} icon={<UserOutlined />} />
        <span>
          <Typography.Text strong>{props.actor.name}</Typography.Text>
        </span>
        <Tag color={roleColor[props.actor.role]} style={{ marginInlineEnd: 0 }} data-testid="role-tag">
          {t(`roles.${props.actor.role}`)}
        </Tag>
        <DownOutlined style={{ fontSize: 10, color: '#98a2b3' }} />
      </Space>
    </Dropdown>
  );
}

/** Few pages: a flat list. Many (a reviewer has a dozen): headed groups in section order. */
function menuItems(items: NavItem[], t: TFunction) {
  const entry = (i: NavItem) => ({
    key: i.path,
    icon: i.icon,
    label: (
      <Link to={i.path} data-testid={`nav-${i.label}`}>
        {t(`nav:${i.label}`)}
      </Link>
    ),
  });
  if (items.length <= 6) return items.map(entry);
  return NAV_SECTIONS.map((section) => ({ section, children: items.filter((i) => i.section === section).map(entry) }))
    .filter((g) => g.children.length > 0)
    .map((g) => ({ type: 'group' as const, key: g.section, label: t(`nav:sections.${g.section}`), children: g.children }));
}
