import { Form, type FormProps } from 'antd';
import type { KeyboardEvent, ReactNode } from 'react';

/**
 * Stops Enter in a field from submitting the whole form (the browser's implicit submission): a date typed and
 * confirmed with Enter, or a number, must not save a half-filled form. Enter still works in a text area and on
 * a focused button; pickers and selects still take it (they handle it before it reaches the form).
 */
export function preventEnterSubmit(e: KeyboardEvent<HTMLElement>): void {
  if (e.key !== 'Enter') return;
  const el = e.target as HTMLElement;
  if (el.tagName === 'TEXTAREA' || el.tagName === 'BUTTON' || el.isContentEditable) return;
  e.preventDefault();
}

/** antd's Form that saves only from its save button, never on Enter in a field (see preventEnterSubmit). */
export function NoEnterForm<V>(props: FormProps<V> & { children?: ReactNode }) {
  const { onKeyDown, ...rest } = props;
  return (
    <Form<V>
      {...rest}
      onKeyDown={(e) => {
        preventEnterSubmit(e);
        onKeyDown?.(e);
      }}
    />
  );
}
