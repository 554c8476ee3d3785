import fs from 'node:fs/promises';
import path from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Settings } from '@crosschat/core';
import { SETTINGS } from '../config/settings.module.js';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export interface SentMail {
  messageId: string;
  /** Where the .eml was written when no SMTP server is configured. */
  file?: string;
}

/**
 * Sends product mail (invitations, password resets) through SMTP_URL. With none configured,
 * each message is written as an .eml file under MAIL_DIR and the log says where.
 */
@Injectable()
export class MailService {
  private readonly logger = new Logger(MailService.name);
  private readonly transport: Transporter;

  constructor(@Inject(SETTINGS) private readonly settings: Settings) {
    this.transport = settings.smtpUrl
      ? nodemailer.createTransport(settings.smtpUrl)
      : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  }

  async send(mail: OutgoingMail): Promise<SentMail> {
    const info = await this.transport.sendMail({ from: this.settings.mailFrom, ...mail });
    if (this.settings.smtpUrl) return { messageId: info.messageId };
    const dir = path.resolve(this.settings.mailDir);
    await fs.mkdir(dir, { recursive: true });
    const safeTo = mail.to.replace(/[^a-zA-Z0-9@._-]/g, '_');
    const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${safeTo}.eml`);
    await fs.writeFile(file, (info as unknown as { message: Buffer }).message);
    this.logger.log(`No SMTP_URL set: wrote "${mail.subject}" for ${mail.to} to ${file}`);
    return { messageId: info.messageId, file };
  }
}
