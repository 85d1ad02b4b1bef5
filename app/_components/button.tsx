import Link from "next/link";
import type { ButtonHTMLAttributes, ComponentProps } from "react";

/** ghost-danger: a quiet destructive action in a dense row (e.g. Disable user) that still looks like a button. */
export type ButtonVariant = "default" | "primary" | "danger" | "ghost" | "ghost-danger";

function classes(variant: ButtonVariant, size: "md" | "sm", extra?: string): string {
  return ["btn", variant === "default" ? "" : `btn-${variant}`, size === "sm" ? "btn-sm" : "", extra ?? ""]
    .filter(Boolean)
    .join(" ");
}

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  size?: "md" | "sm";
}

/** A native button; defaults to type="button" so it never submits a form by accident. */
export function Button({ variant = "default", size = "md", className, type = "button", ...rest }: ButtonProps) {
  return <button type={type} className={classes(variant, size, className)} {...rest} />;
}

export interface ButtonLinkProps extends ComponentProps<typeof Link> {
  variant?: ButtonVariant;
  size?: "md" | "sm";
}

export function ButtonLink({ variant = "default", size = "md", className, ...rest }: ButtonLinkProps) {
  return <Link className={classes(variant, size, className)} {...rest} />;
}
