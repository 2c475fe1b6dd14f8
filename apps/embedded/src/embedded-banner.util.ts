import { join, relative } from 'node:path';
import { demoChatCurl, localUrl } from './demo-chat.util';
import { SECRET_FILES } from './embedded-secrets.util';
import { EmbeddedOptions } from './embedded.options';

/** A path as short as it can be said from where the suite was started. */
function shown(path: string, cwd: string): string {
  const near = relative(cwd, path);
  return near && !near.startsWith('..') ? near : path;
}

/** What the terminal shows once the suite is up: what runs where, how to sign in, how to try it, how to stop. */
export function embeddedBanner(
  options: EmbeddedOptions,
  seconds: string,
  cwd = process.cwd(),
  supportAddress?: string,
): string {
  const { dataDir, admin, demoChat, logFile } = options;
  const base = localUrl(options.http.host, options.http.port);
  const file = (name: string) => shown(join(dataDir, name), cwd);
  const inbound = options.mailIngest.smtpInbound;
  const smtp = options.mailSend.smtp;
  const channels = options.chatGateway.seedChannels.map((c) => c.id).join(', ');
  const password = admin.keptIn
    ? `${admin.password}   (kept in ${shown(admin.keptIn, cwd)}: edit it or set REVIEW_ADMIN_PASSWORD, then restart, to change it)`
    : `the one in REVIEW_ADMIN_PASSWORD`;
  const lines = [
    '',
    `draftdesk is up in ${seconds} s (embedded mode, data in ${shown(dataDir, cwd)})`,
    '',
    `  agent UI       ${base}/`,
    `  sign in        ${admin.email} / ${password}`,
    `  review API     ${base}/v1/drafts   (Authorization: Bearer $(cat ${file(SECRET_FILES.reviewApiToken)}))`,
    `  conversations  ${base}/v1/conversations and /v1/kb   (the same review token)`,
    `  mailboxes      ${base}/v1/mailboxes   (Authorization: Bearer $(cat ${file(SECRET_FILES.mailAdminToken)}))`,
    inbound
      ? `  inbound mail   smtp://${inbound.host}:${inbound.port}   (send a test mail to ${supportAddress ?? "the shop's support address"})`
      : null,
    `  sent replies   ${smtp ? `smtp://${smtp.host}:${smtp.port}` : shown(options.mailSend.sentDir, cwd)}`,
    ...(demoChat
      ? [
          `  demo chat      ${demoChat.webhookUrl}   (Standard Webhooks; approved replies in ${shown(demoChat.repliesDir, cwd)})`,
          `  chat secret    ${demoChat.secret}   (kept in ${shown(demoChat.keptIn, cwd)})`,
          `  try chat       ${demoChatCurl(demoChat)}`,
        ]
      : [`  chat webhook   ${base}/v1/channels/<channelId>/messages   (channels: ${channels})`]),
    `  health         ${base}/health/ready`,
    `  logs           ${logFile ? `${shown(logFile, cwd)}   (LOG_FORMAT=json writes them to stdout instead)` : 'JSON on stdout (LOG_FORMAT=json)'}`,
    '',
    'Stop it with Ctrl-C.',
    '',
  ];
  return lines.filter((line) => line !== null).join('\n');
}
