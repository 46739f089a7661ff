import type { PublicSurveyView, RespondentGroupKey, SurveyChoiceKey } from '@xiaoshi/contracts';
import { RESPONDENT_GROUPS, SURVEY_CHOICES } from '@xiaoshi/domain';
import { useEffect, useState, type FormEvent } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { text } from './text';
import './public-survey.css';
import { useLang, setLang } from '../../../i18n/i18n';

type Outcome = 'thanks' | 'already' | null;

class PublicError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** A call without any session: a respondent has no account, and staff must not send theirs. */
async function call<T>(path: string, lang: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: body === undefined ? 'GET' : 'POST',
      credentials: 'omit',
      headers: {
        Accept: 'application/json',
        'Accept-Language': lang === 'en' ? 'en' : 'zh-CN',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new PublicError(0, 'NETWORK_ERROR', '');
  }
  const data = (await response.json().catch(() => null)) as (T & { code?: string; message?: string }) | null;
  if (!response.ok)
    throw new PublicError(
      response.status,
      data?.code ?? 'BAD_RESPONSE',
      data?.message ?? `HTTP ${response.status}`,
    );
  return data as T;
}

const storage = {
  get: (key: string) => {
    try {
      return window.localStorage.getItem(key);
    } catch {
      return null;
    }
  },
  set: (key: string, value: string) => {
    try {
      window.localStorage.setItem(key, value);
    } catch {
      // Private mode: the token lives as long as the page.
    }
  },
};

/**
 * /s/<code>: a satisfaction survey on a phone, no login. An invitation link carries its token
 * (?t=…); an open link asks the server for one and keeps it on the device, so the same phone
 * answers once.
 */
export default function PublicSurveyPage() {
  const t = text.useT();
  const lang = useLang();
  const code = useParams().code ?? '';
  const invitation = useSearchParams()[0].get('t');
  const tokenKey = `xs-survey-token:${code}`;
  const doneKey = `xs-survey-done:${code}:${invitation ?? 'device'}`;
  const [survey, setSurvey] = useState<PublicSurveyView | null>(null);
  const [loadError, setLoadError] = useState<'notFound' | 'network' | null>(null);
  const [choice, setChoice] = useState<SurveyChoiceKey | null>(null);
  const [group, setGroup] = useState<RespondentGroupKey | null>(null);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(() => (storage.get(doneKey) ? 'already' : null));

  useEffect(() => {
    let live = true;
    call<PublicSurveyView>(`/api/public/surveys/${encodeURIComponent(code)}`, lang)
      .then((view) => live && setSurvey(view))
      .catch(
        (error: unknown) =>
          live && setLoadError(error instanceof PublicError && error.status === 404 ? 'notFound' : 'network'),
      );
    return () => {
      live = false;
    };
  }, [code, lang]);

  const token = async (): Promise<string> => {
    if (invitation) return invitation;
    const kept = storage.get(tokenKey);
    if (kept) return kept;
    const issued = await call<{ token: string }>(
      `/api/public/surveys/${encodeURIComponent(code)}/tokens`,
      lang,
      {},
    );
    storage.set(tokenKey, issued.token);
    return issued.token;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!choice) {
      setProblem(t('chooseFirst'));
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      await call(`/api/public/surveys/${encodeURIComponent(code)}/answers`, lang, {
        token: await token(),
        choice,
        group: survey?.askGroup ? group : null,
        comment: comment.trim(),
      });
      storage.set(doneKey, '1');
      setOutcome('thanks');
    } catch (error) {
      if (error instanceof PublicError && error.code === 'SURVEY_ALREADY_ANSWERED') {
        storage.set(doneKey, '1');
        setOutcome('already');
      } else if (error instanceof PublicError && error.code !== 'NETWORK_ERROR') {
        setProblem(t('failed', { message: error.message }));
      } else setProblem(t('network'));
    } finally {
      setBusy(false);
    }
  };

  let body;
  if (loadError)
    body = <p className="xs-sv-note">{loadError === 'notFound' ? t('notFound') : t('network')}</p>;
  else if (!survey) body = <p className="xs-sv-note">{t('loading')}</p>;
  else if (outcome)
    body = (
      <p className="xs-sv-done" role="status">
        {outcome === 'thanks' ? t('thanks') : t('already')}
      </p>
    );
  else if (!survey.open) body = <p className="xs-sv-note">{t('closed')}</p>;
  else
    body = (
      <form onSubmit={(event) => void submit(event)} noValidate>
        <fieldset className="xs-sv-choices">
          <legend>{t('question')}</legend>
          {SURVEY_CHOICES.map((value) => (
            <label
              key={value}
              className={`xs-sv-choice xs-sv-${value}${choice === value ? ' xs-sv-picked' : ''}`}
            >
              <input
                type="radio"
                name="choice"
                value={value}
                checked={choice === value}
                onChange={() => setChoice(value)}
              />
              {t(`choice.${value}`)}
            </label>
          ))}
        </fieldset>
        {survey.askGroup && (
          <fieldset className="xs-sv-groups">
            <legend>{t('group')}</legend>
            {RESPONDENT_GROUPS.map((value) => (
              <label key={value} className={`xs-sv-chip${group === value ? ' xs-sv-picked' : ''}`}>
                <input
                  type="radio"
                  name="group"
                  value={value}
                  checked={group === value}
                  onChange={() => setGroup(value)}
                />
                {t(`group.${value}`)}
              </label>
            ))}
          </fieldset>
        )}
        <label className="xs-sv-comment">
          {t('comment')}
          <textarea
            maxLength={500}
            rows={3}
            value={comment}
            placeholder={t('commentPlaceholder')}
            onChange={(event) => setComment(event.target.value)}
          />
        </label>
        {problem && (
          <p className="xs-sv-problem" role="alert">
            {problem}
          </p>
        )}
        <button type="submit" className="xs-sv-submit" disabled={busy}>
          {busy ? t('submitting') : t('submit')}
        </button>
      </form>
    );

  return (
    <main className="xs-sv">
      <header className="xs-sv-header">
        <span>{t('brand')}</span>
        <button type="button" className="xs-sv-lang" onClick={() => setLang(lang === 'en' ? 'zh' : 'en')}>
          {t('lang')}
        </button>
      </header>
      {survey && (
        <section className="xs-sv-intro">
          <h1>{survey.title}</h1>
          <p className="xs-sv-subject">{survey.subjectName}</p>
          {survey.description && <p>{survey.description}</p>}
        </section>
      )}
      {body}
      <footer className="xs-sv-footer">{t('privacy')}</footer>
    </main>
  );
}
