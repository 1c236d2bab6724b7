// A real OpenID provider for the tests, on loopback: node provider.mjs PORT CONFIG.json
// CONFIG holds the client (id, secret, redirect and post-logout URIs) and the
// accounts; it is read again at every log-in, so a test can change a person's
// claims between two log-ins. devInteractions serves a plain log-in form (any
// password); consent is granted at once.
import { readFileSync } from "node:fs";
import Provider from "oidc-provider";

const [port, configPath] = process.argv.slice(2);
const config = () => JSON.parse(readFileSync(configPath, "utf8"));
const { client } = config();
const issuer = `http://127.0.0.1:${port}`;

const provider = new Provider(issuer, {
  clients: [client],
  cookies: { keys: ["test-only-cookie-key"] },
  claims: {
    openid: ["sub", "groups"],
    email: ["email", "email_verified"],
    profile: ["name", "given_name", "family_name", "preferred_username"],
  },
  features: { devInteractions: { enabled: true } },
  async findAccount(ctx, id) {
    const claims = config().accounts[id];
    if (!claims) return undefined;
    return { accountId: id, async claims() { return { sub: id, ...claims }; } };
  },
  async loadExistingGrant(ctx) {
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client.clientId,
      accountId: ctx.oidc.session.accountId,
    });
    grant.addOIDCScope(ctx.oidc.params.scope);
    await grant.save();
    return grant;
  },
});
provider.listen(Number(port), "127.0.0.1");
