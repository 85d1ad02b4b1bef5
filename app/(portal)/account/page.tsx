import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { ChangePasswordForm } from "./change-password-form";
import { SignOutEverywhere } from "./sign-out-everywhere";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const actor = await requirePagePermission("/account", "account.manage");
  return (
    <div className="stack">
      <h1>Your account</h1>
      <p>
        Signed in as <strong>{actor.email}</strong> ({actor.role}).
      </p>
      {actor.mustChangePassword ? (
        <p className="error" role="alert">
          Your password was reset by an administrator. Choose a new password below: the rest of the portal opens once it
          is changed. Enter the one-time password you were given as your current password.
        </p>
      ) : null}
      <ChangePasswordForm />
      <h2>Sessions</h2>
      <p>Ends your session on every browser and device, this one included. You will need to sign in again.</p>
      <SignOutEverywhere />
    </div>
  );
}
