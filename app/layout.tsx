import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import "./globals.css";
import "./_components/components.css";

export const metadata: Metadata = {
  title: { default: "Orderdesk", template: "%s · Orderdesk" },
  description: "Staff portal for Ingram Micro orders.",
  robots: { index: false, follow: false },
};

export const viewport: Viewport = {
  colorScheme: "light dark",
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#1b1b20" },
  ],
};

/** Rendered per request: Next.js can only give its scripts the request's CSP nonce (proxy.ts) when it renders then. */
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
