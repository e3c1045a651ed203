// `npm run admin:bootstrap -- --beheerder a@org.nl "Naam A" --privacy b@org.nl "Naam B"`: the first two accounts of
// a new installation, one beheerder and one privacy officer, so that from then on every role is granted under four
// eyes (issue #14). Run by the operator with the database's credentials; refused once a beheerder exists. Each
// person gets an activation link by mail (SMTP_URL; outside production, a file under DATA_DIR/mail) and sets their
// own password. The operator's act is audited as the system's. On a deployment of several regions (REGIOS) each
// region gets its first two accounts this way: `--regio 04` names the region, and the refusal counts its beheerders.
import { and, sql } from 'drizzle-orm';
import { cipherFromEnv, createDb, issueActivation, schema, useFieldCipher, writeAudit } from '@vt/db';
import { loadConfig } from '../config.ts';
import { createMailer } from '../services/mail.ts';

const args = process.argv.slice(2);
const take = (flag: string) => {
  const at = args.indexOf(flag);
  return at >= 0 ? { email: args[at + 1]?.trim().toLowerCase() ?? '', naam: args[at + 2]?.trim() ?? '' } : undefined;
};
const people = [
  { role: 'beheerder' as const, who: take('--beheerder') },
  { role: 'privacy_officer' as const, who: take('--privacy') },
];
const regioAt = args.indexOf('--regio');
const regio = regioAt >= 0 ? (args[regioAt + 1] ?? '') : null;
if (people.some((p) => !p.who || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(p.who.email) || p.who.naam.length < 2)) {
  console.error('Usage: npm run admin:bootstrap -- --beheerder <e-mail> "<naam>" --privacy <e-mail> "<naam>" [--regio <code>]');
  process.exit(1);
}
const config = loadConfig();
if (config.regios ? !regio || !config.regios.includes(regio) : regio !== null) {
  console.error(config.regios ? `Name the region with --regio, one of REGIOS (${config.regios.join(', ')}).` : '--regio applies only with REGIOS (several regions on one deployment).');
  process.exit(1);
}
if (!config.databaseUrl) {
  console.error('Set DATABASE_URL.');
  process.exit(1);
}
useFieldCipher(cipherFromEnv(process.env, (m) => console.warn(m)));
const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, dataDir: config.dataDir });
const handle = createDb(config.databaseUrl, { max: 1, applicationName: 'veilig-thuis-bootstrap' });
const u = schema.users;
const links = await handle.db.transaction(async (tx) => {
  // The accounts and the audit rows take the region from the transaction (their column default, db/src/regions.ts).
  if (regio) await tx.execute(sql`select set_config('vt.regio', ${regio}, true)`);
  const [existing] = await tx.select({ id: u.id }).from(u).where(and(sql`'beheerder' = any(${u.roles})`, sql`${u.regio} is not distinct from ${regio}`));
  if (existing) throw new Error('There is a beheerder already: further accounts are made in the app, under four eyes.');
  const out: { email: string; naam: string; token: string }[] = [];
  for (const p of people) {
    const [row] = await tx.insert(u).values({ email: p.who!.email, naam: p.who!.naam, roles: [p.role], passwordHash: null }).onConflictDoNothing().returning();
    if (!row) throw new Error(`An account with ${p.who!.email} exists already.`);
    const { token } = await issueActivation(tx, { userId: row.id, createdBy: row.id });
    await writeAudit(tx, { type: 'system', id: null }, { action: 'create', subjectType: 'user', subjectId: row.id, purpose: `bootstrap:${p.role}` });
    out.push({ email: row.email, naam: row.naam, token });
  }
  return out;
}).catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
for (const l of links) {
  await mailer.send({ to: l.email, subject: 'Uw account voor de Veilig Thuis backoffice', text: `Beste ${l.naam},\n\nKies uw wachtwoord via deze link (één keer te gebruiken, 72 uur geldig):\n${config.publicUrl}/activeren#${l.token}\n` });
  console.log(`Activation link mailed to ${l.email}${mailer.folder ? ` (written to ${mailer.folder})` : ''}.`);
}
await handle.close();

