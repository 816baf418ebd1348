import type { ReactNode } from 'react';

/** The frame of every page: a title, an optional line under it, actions on the right. */
export function Page(props: { title: ReactNode; subtitle?: ReactNode; extra?: ReactNode; children: ReactNode }) {
  return (
    <div className="hl-page">
      <div className="hl-page-head">
        <div>
          <h1>{props.title}</h1>
          {props.subtitle ? <div className="sub">{props.subtitle}</div> : null}
        </div>
        {props.extra ? <div className="no-print">{props.extra}</div> : null}
      </div>
      {props.children}
    </div>
  );
}
