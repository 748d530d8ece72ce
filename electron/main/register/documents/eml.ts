import { formatDate } from '../../../../shared/forms/frame';

export interface EmailDraftInput {
  to: { name: string | null; email: string };
  from: { name: string; email: string } | null;
  marking: string;
  partnership: string;
  unitName: string;
  agency: string;
  period: { from: string; to: string };
  passwordProtected: boolean;
  attachments: readonly { name: string; bytes: Buffer }[];
  date: Date;
  boundary: string;
}

/** RFC 2047 encoded-word for header text beyond ASCII (a lead named Zoë, say). */
function headerText(text: string): string {
  return /^[\x20-\x7e]*$/.test(text) ? text : `=?UTF-8?B?${Buffer.from(text, 'utf8').toString('base64')}?=`;
}

function mailbox(name: string | null, email: string): string {
  return name ? `${headerText(name.replace(/["\\]/g, ''))} <${email}>` : `<${email}>`;
}

function base64Lines(bytes: Buffer): string {
  return (bytes.toString('base64').match(/.{1,76}/g) ?? []).join('\r\n');
}

/**
 * An unsent email (.eml, marked `X-Unsent: 1` so Outlook and others open it as a draft) to the
 * agency's safeguarding lead with the export attached, for the administrator to check and send
 * from their own secure mail. The body names no child or family; the password, if any, is never
 * in it: it goes by another route.
 */
export function emailDraft(i: EmailDraftInput): string {
  const period = `${formatDate(i.period.from)} to ${formatDate(i.period.to)}`;
  const subject = `${i.marking}: child protection conference escalation records for ${i.agency}, ${period}`;
  const body = [
    `Dear ${i.to.name ?? 'Safeguarding Lead'},`,
    '',
    `Please find attached the child protection conference escalation records for ${i.agency} for ${period}, from the ${i.unitName} (${i.partnership}).`,
    '',
    i.passwordProtected
      ? 'The attachment is protected with a password, which we will give you separately (not by email).'
      : 'Please make sure this email is sent by secure email only.',
    '',
    'Please contact us if you require any further information.',
    '',
    i.unitName,
    '',
    `This email and its attachments are ${i.marking}.`,
  ].join('\r\n');
  const headers = [
    ...(i.from ? [`From: ${mailbox(i.from.name, i.from.email)}`] : []),
    `To: ${mailbox(i.to.name, i.to.email)}`,
    `Subject: ${headerText(subject)}`,
    `Date: ${i.date.toUTCString().replace('GMT', '+0000')}`,
    'X-Unsent: 1',
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${i.boundary}"`,
  ];
  const parts = [
    [
      `--${i.boundary}`,
      'Content-Type: text/plain; charset=UTF-8',
      'Content-Transfer-Encoding: base64',
      '',
      base64Lines(Buffer.from(body, 'utf8')),
    ].join('\r\n'),
    ...i.attachments.map((a) =>
      [
        `--${i.boundary}`,
        `Content-Type: ${a.name.endsWith('.zip') ? 'application/zip' : 'application/pdf'}; name="${a.name}"`,
        'Content-Transfer-Encoding: base64',
        `Content-Disposition: attachment; filename="${a.name}"`,
        '',
        base64Lines(a.bytes),
      ].join('\r\n'),
    ),
  ];
  return `${headers.join('\r\n')}\r\n\r\n${parts.join('\r\n')}\r\n--${i.boundary}--\r\n`;
}
