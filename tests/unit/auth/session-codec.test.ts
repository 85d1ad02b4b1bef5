import { decode, encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { sessionCodec } from "@/lib/auth/session-codec";

/* The portal's codec must read next-auth's tokens and write tokens next-auth reads: the same format. */

const secret = "s".repeat(43);
const token = {
  sub: "8d1b8f7e-5b3a-4c52-9a4e-0f3f1c2b7a10",
  sid: "0b9f4c1e-2d3a-4b5c-8d6e-7f8091a2b3c4",
  role: "buyer",
  sv: 3,
};

describe("session codec", () => {
  it("reads a token next-auth encoded, and next-auth reads one it encoded, with the same claims", async () => {
    const codec = sessionCodec();
    const theirs = await encode({ token, secret, maxAge: 60 });
    expect(await codec.decode({ token: theirs, secret })).toMatchObject(token);
    const ours = await codec.encode({ token, secret, maxAge: 60 });
    const read = await decode({ token: ours, secret });
    expect(read).toMatchObject(token);
    expect(Number(read!.exp) - Number(read!.iat)).toBe(60);
    expect(read!.jti).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("each token gets its own id; a token under another secret or salt, expired, or altered is refused", async () => {
    const codec = sessionCodec();
    const a = await codec.encode({ token, secret, maxAge: 60 });
    const b = await codec.encode({ token, secret, maxAge: 60 });
    expect((await codec.decode({ token: a, secret }))!.jti).not.toBe((await codec.decode({ token: b, secret }))!.jti);
    await expect(codec.decode({ token: a, secret: "t".repeat(43) })).rejects.toThrow();
    await expect(codec.decode({ token: a, secret, salt: "other" })).rejects.toThrow();
    const expired = await codec.encode({ token, secret, maxAge: -60 });
    await expect(codec.decode({ token: expired, secret })).rejects.toThrow(/exp/);
    const altered = a.slice(0, -4) + (a.endsWith("AAAA") ? "BBBB" : "AAAA");
    await expect(codec.decode({ token: altered, secret })).rejects.toThrow();
    expect(await codec.decode({ token: "", secret })).toBeNull();
  });

  it("keys by secret: tokens under two secrets each read back under their own", async () => {
    const codec = sessionCodec();
    const other = "u".repeat(43);
    const one = await codec.encode({ token, secret, maxAge: 60 });
    const two = await codec.encode({ token: { ...token, sv: 4 }, secret: other, maxAge: 60 });
    expect((await codec.decode({ token: one, secret }))!.sv).toBe(3);
    expect((await codec.decode({ token: two, secret: other }))!.sv).toBe(4);
    await expect(codec.decode({ token: two, secret })).rejects.toThrow();
  });
});
