"use client";

// The account's saved ship-to addresses, inside the create form's shipping section (loaded with it on open).
import { useEffect, useState } from "react";
import { apiFetch, type ApiError } from "@/app/_components/api-fetch";
import { Button } from "@/app/_components/button";
import { Field } from "@/app/_components/field";
import type { ShipToValues } from "../_form/draft-values";

interface Saved {
  id: string;
  label: string;
  address: ShipToValues;
  savedBy: string | null;
}

const describe = (a: Saved) => [a.address.companyName, a.address.city].filter(Boolean).join(", ");

export function AddressBook({ shipTo, onPick }: { shipTo: ShipToValues; onPick: (v: ShipToValues) => void }) {
  const [saved, setSaved] = useState<Saved[] | null>(null);
  const [picked, setPicked] = useState("");
  const [name, setName] = useState("");
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [status, setStatus] = useState("");
  const [busy, setBusy] = useState(false);

  async function load(signal?: AbortSignal) {
    const res = await apiFetch<{ addresses: Saved[] }>("/api/ship-to-addresses", { signal });
    if (res.ok) setSaved(res.data.addresses);
    else setProblem(res.error);
  }
  useEffect(() => {
    // Fetched when the shipping section first opens; a closed page aborts it.
    const ac = new AbortController();
    const first = setTimeout(() => load(ac.signal).catch(() => undefined), 0);
    return () => {
      clearTimeout(first);
      ac.abort();
    };
  }, []);

  async function save(replace: boolean) {
    setBusy(true);
    setProblem(null);
    setStatus("");
    const res = await apiFetch<{ address: Saved }>("/api/ship-to-addresses", {
      method: "POST",
      body: { label: name, shipTo, replace: replace || undefined },
    });
    setBusy(false);
    if (!res.ok) return setProblem(res.error);
    setStatus(`Saved "${res.data.address.label}" to the address book.`);
    setName("");
    setPicked(res.data.address.id);
    await load();
  }

  async function remove() {
    const which = saved?.find((a) => a.id === picked);
    if (!which) return;
    setBusy(true);
    setProblem(null);
    setStatus("");
    const res = await apiFetch(`/api/ship-to-addresses/${which.id}`, { method: "DELETE" });
    setBusy(false);
    if (!res.ok) return setProblem(res.error);
    setStatus(`Deleted "${which.label}" from the address book.`);
    setPicked("");
    await load();
  }

  const use = () => {
    const which = saved?.find((a) => a.id === picked);
    if (!which) return;
    onPick({ ...which.address });
    setStatus(`Ship-to filled from "${which.label}".`);
  };

  const fields = problem?.fields ?? {};
  const other = Object.entries(fields).filter(([k]) => k !== "label");
  return (
    <fieldset className="stack" style={{ gap: 8 }} data-testid="address-book">
      <legend>Address book</legend>
      <div className="address-book">
        <Field id="address-book-pick" label="Saved addresses (shared by the account)">
          {(a) => (
            <select {...a} value={picked} onChange={(e) => setPicked(e.target.value)} disabled={!saved?.length}>
              <option value="">{saved === null ? "Loading…" : saved.length ? "Choose one…" : "None saved yet"}</option>
              {saved?.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.label}
                  {describe(s) ? ` (${describe(s)})` : ""}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Button size="sm" onClick={use} disabled={!picked || busy}>
          Use address
        </Button>
        <Button size="sm" variant="ghost-danger" onClick={remove} disabled={!picked || busy}>
          Delete
        </Button>
      </div>
      <div className="address-book">
        <Field id="address-book-name" label="Save the ship-to below as" error={fields.label}>
          {(a) => <input {...a} type="text" maxLength={60} value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <Button size="sm" onClick={() => save(false)} disabled={busy}>
          Save address
        </Button>
        {problem?.status === 409 ? (
          <Button size="sm" onClick={() => save(true)} disabled={busy}>
            Replace it
          </Button>
        ) : null}
      </div>
      {problem && !fields.label ? (
        <p className="error" role="alert" style={{ color: "var(--danger)" }}>
          {other.length ? other.map(([, m]) => m).join(" ") : problem.message}
        </p>
      ) : null}
      <p role="status" className="subtle">
        {status}
      </p>
    </fieldset>
  );
}
