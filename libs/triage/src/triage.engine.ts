import { readAsks } from './asks.util';
import { loadDefaultModel } from './default-model.util';
import { extractEntities } from './entities.util';
import { detectPromptInjection } from './injection.util';
import { IntentModel } from './intent.model';
import { TriageInput, TriageResult } from './triage.types';
import { detectLanguage } from './language.util';
import { splitMessage } from './message-parts.util';
import { detectRegister } from './register.util';
import { analyseSentiment } from './sentiment.util';
import { detectSpam } from './spam.util';

/** The offline triage engine: everything runs in-process, no network. */
export class EmbeddedTriageEngine {
  private model?: IntentModel;

  constructor(model?: IntentModel) {
    this.model = model;
  }

  triage(input: TriageInput): TriageResult {
    const body = input.text ?? '';
    const subject = (input.subject ?? '').replace(/^\s*(?:(?:re|fw|fwd|aw|wg|antw|tr)\s*:\s*)+/i, '').trim();
    const combined = subject && !body.includes(subject) ? `${subject}\n${body}` : body;
    const model = (this.model ??= loadDefaultModel());

    // The intent is read from what the customer asks now; greeting, sign-off and signature only tell the language
    // and the register, and the rules (safety, legal, spam) look at everything.
    const parts = splitMessage(body);
    const request = parts.request || body.trim();
    const intentText = subject && !request.includes(subject) ? `${subject}\n${request}` : request;
    const language = detectLanguage(body.trim() ? body : subject, { supported: input.languages });
    const whole = intentText.trim()
      ? model.predict(intentText)
      : { intent: 'other', confidence: 0, alternatives: [{ intent: 'other', confidence: 0 }] };
    const { primary: prediction, asks } = readAsks(request, whole, (text) => model.predict(text));
    const mood = analyseSentiment(combined);
    const injection = detectPromptInjection(combined, input.html);
    const spam = detectSpam(combined);

    const flags = new Set<string>();
    if (input.automated) flags.add('automated');
    if (injection.flagged) flags.add('prompt_injection');
    if (spam.spam) flags.add('spam');
    if (spam.phishing) flags.add('phishing');
    for (const reason of mood.reasons) flags.add(reason);

    const intent = spam.spam ? 'other' : prediction.intent;
    const register = detectRegister(body || subject, language.language);
    return {
      language: language.language,
      intent,
      confidence: round4(spam.spam ? Math.max(0.9, prediction.confidence) : prediction.confidence),
      alternatives: prediction.alternatives,
      sentiment: mood.sentiment,
      urgency: input.automated ? 'low' : mood.urgency,
      reasons: mood.reasons,
      entities: extractEntities(combined, { orderNumberPatterns: input.orderNumberPatterns }),
      flags: [...flags],
      ...(register ? { register } : {}),
      asks: spam.spam ? [] : asks,
      engine: 'embedded',
    };
  }
}

function round4(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}
