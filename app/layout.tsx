import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import "./globals.css";
import "./_components/components.css";

export const metadata: Metadata = {
  title: { default: "Orderdesk", template: "%s · Orderdesk" },
  description: "Staff portal for Ingram Micro orders.",
  robots: { index: false, follow: false },
};

export const viewport: Viewport = { themeColor: "#ffffff" };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
