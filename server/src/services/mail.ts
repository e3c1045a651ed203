// Mail the product sends (activation links, the online melder's confirmation): nodemailer over SMTP from SMTP_URL —
// in development the local mail catcher's (MailDev, server/src/infra/embedded.ts) — or, with MAIL_CATCHER=files,
// each mail as an .eml file under DATA_DIR/mail (open it with any mail program) with a .txt beside it to read.
// Mails carry no case data.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer from 'nodemailer';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
  /** Where development mail goes, for the log line at start-up; undefined when it goes over SMTP. */
  readonly folder?: string;
}

export function createMailer(o: { smtpUrl: string | undefined; from: string; dataDir: string }): Mailer {
  if (o.smtpUrl) {
    const transport = nodemailer.createTransport(o.smtpUrl);
    return { send: async (m) => void (await transport.sendMail({ from: o.from, ...m })) };
  }
  const folder = join(o.dataDir, 'mail');
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    folder,
    async send(m) {
      const info = await transport.sendMail({ from: o.from, ...m });
      mkdirSync(folder, { recursive: true });
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${m.to.replace(/[^a-z0-9@._-]/gi, '_')}`;
      writeFileSync(join(folder, `${name}.eml`), info.message as Buffer, { mode: 0o600 });
      // The same as plain text beside it: a link in an .eml is wrapped by its transfer encoding.
      writeFileSync(join(folder, `${name}.txt`), `Aan: ${m.to}\nOnderwerp: ${m.subject}\n\n${m.text}\n`, { mode: 0o600 });
    },
  };
}

/** Collects mail in memory (tests). */
export function memoryMailer(): Mailer & { sent: Mail[] } {
  const sent: Mail[] = [];
  return { sent, send: async (m) => void sent.push(m) };
}
