'use strict';
/*
 * The Tiledesk verification stack, run offline, as a test oracle.
 *
 * The libraries are the real ones from npm: passport-jwt 4.0.1 (its Strategy and its
 * ExtractJwt) over jsonwebtoken 9.0.0. Around them sits a re-implementation, written for this
 * project, of what tiledesk-server 2.19.16 configures in middleware/passport.js: the key
 * provider (which secret the token's "aud" selects) and the verify callback (the entity check),
 * plus UserUtil.decorateUser. Nothing of the server is copied; its behaviour is modelled,
 * including the JavaScript semantics that decide odd tokens (loose equality, string
 * concatenation of claims in the server's log statements, an async callback that rejects).
 *
 * stdin:  {"cases": [{"token": str, "projects": {id: jwtSecret}, "now": unix seconds,
 *                     "global_secret": str|null, "entity_check": bool}],
 *          "hang_grace_ms": int (optional)}
 * stdout: {"results": [{"accepted": bool, "stage": "passport"|"error"|"hang", "reason": str}]}
 *
 * What is modelled, and how:
 *  - The request: POST with "Authorization: JWT <token>". The header value first goes through
 *    what a browser does to it (the widget sends it with XMLHttpRequest): leading and trailing
 *    HTTP whitespace (tab, LF, CR, space) is stripped, and a value with NUL, CR, LF or a
 *    character above U+00FF is refused before anything is sent (stage "error"). Node's HTTP
 *    parser then refuses the other control characters (400, stage "error") and trims spaces and
 *    tabs. The token is then taken by the server's own extractor chain.
 *  - The clock: Date.now() returns now * 1000 while a case runs.
 *  - The database: no bot, subscription or user exists; the projects of the case exist and are
 *    active. An id is cast like mongoose 5 / bson 1.x casts an ObjectId: 24 hex digits (any
 *    case) or any 12-character string (its character codes are the 12 bytes). Anything else is
 *    a CastError, which the key provider treats as "no key". Lookups answer asynchronously.
 *  - Logging: the server builds its winston debug messages eagerly, so a claim whose string
 *    conversion throws breaks the request even though debug output is off. winston 3 also
 *    stringifies meta.message and, for enabled levels (info and above), the simple format reads
 *    meta.padding[level]; both are reproduced.
 *  - Outcome: strategy.success -> accepted; strategy.fail(info) -> rejected at stage
 *    "passport" with info's message when it is an Error; strategy.error(err) or a synchronous
 *    throw (Express turns it into an error response) -> stage "error" with the message; a
 *    rejection of the async verify callback, an exception inside an asynchronous database
 *    callback, or no answer at all -> stage "hang".
 *
 * Known simplification: in the verify callback a user/bot/subscription lookup whose _id cannot
 * be cast to an ObjectId makes the real server call done(CastError) (stage "error"); here every
 * such lookup "finds nothing" (stage "passport", reason ""), as the reference verdicts do. The
 * token is rejected either way.
 */

const { Strategy: JwtStrategy, ExtractJwt } = require('passport-jwt');
const jwt = require('jsonwebtoken');

const WANTED_JSONWEBTOKEN = '9.0.0';
const HANG_REASON = 'the server never answers';
const DEFAULT_HANG_GRACE_MS = 25;

function checkVersions() {
  const path = require('path');
  const own = require('jsonwebtoken/package.json').version;
  const strategyDir = path.dirname(require.resolve('passport-jwt/package.json'));
  const viaStrategy = require(require.resolve('jsonwebtoken/package.json', { paths: [strategyDir] }))
    .version;
  const strategyVersion = require('passport-jwt/package.json').version;
  if (own !== WANTED_JSONWEBTOKEN || viaStrategy !== WANTED_JSONWEBTOKEN) {
    throw new Error(
      `jsonwebtoken must be ${WANTED_JSONWEBTOKEN}: found ${own} (passport-jwt uses ${viaStrategy})`
    );
  }
  return { 'passport-jwt': strategyVersion, jsonwebtoken: own };
}

// ---------------------------------------------------------------------------------------------
// winston 3, as far as it can throw for the server's log calls (level "info": debug is off).

const WINSTON_ENABLED = new Set(['error', 'warn', 'info']);
const WINSTON_SPLAT_TOKENS = /%[scdjifoO%]/g;

function winstonCall(level, message, ...splat) {
  // With one argument winston wraps the (string) message in an object: nothing to throw.
  if (splat.length === 0) return;
  const meta = splat[0];
  if (typeof meta !== 'object' || meta === null) return;
  if (message && message.match && message.match(WINSTON_SPLAT_TOKENS)) return;
  const info = Object.assign({}, meta, { level: level, message: message });
  if (meta.message) info.message = `${info.message} ${meta.message}`;
  if (!WINSTON_ENABLED.has(level)) return;
  // Each transport formats a shallow copy with format.simple().
  const copy = Object.assign({}, info);
  const padding = (copy.padding && copy.padding[copy.level]) || '';
  return `${copy.level}:${padding} ${copy.message}`;
}

const log = {
  debug: (...args) => winstonCall('debug', ...args),
  info: (...args) => winstonCall('info', ...args),
  warn: (...args) => winstonCall('warn', ...args),
  error: (...args) => winstonCall('error', ...args),
};

// ---------------------------------------------------------------------------------------------
// mongoose-like ObjectId casting and the fake database.

const HEX24 = /^[0-9a-fA-F]{24}$/;

/** The 12 bytes (as lowercase hex) of an ObjectId cast from a string, or null on a CastError. */
function objectIdHex(value) {
  if (typeof value !== 'string') return null;
  if (value.length === 24 && HEX24.test(value)) return value.toLowerCase();
  if (value.length === 12) {
    let hex = '';
    for (let i = 0; i < 12; i += 1) {
      hex += (value.charCodeAt(i) & 0xff).toString(16).padStart(2, '0');
    }
    return hex;
  }
  return null;
}

function castError(value, model) {
  return new Error(
    `Cast to ObjectId failed for value "${String(value)}" (type ${typeof value}) at path "_id" ` +
      `for model "${model}"`
  );
}

class FakeDatabase {
  constructor(ctx, projects) {
    this.ctx = ctx;
    this.projects = new Map();
    for (const [id, secret] of Object.entries(projects || {})) {
      const hex = objectIdHex(id);
      if (hex !== null && !this.projects.has(hex)) this.projects.set(hex, secret);
    }
  }

  /** findById / findOne({_id}) on a collection where nothing exists. */
  findNothingById(model, id, callback) {
    const hex = objectIdHex(id);
    this.ctx.later(() => (hex === null ? callback(castError(id, model), null) : callback(null, null)));
  }

  /** Project.findOne({_id: id, status: 100}).select('+jwtSecret'). */
  findActiveProject(id, callback) {
    const hex = objectIdHex(id);
    this.ctx.later(() => {
      if (hex === null) return callback(castError(id, 'project'), null);
      if (!this.projects.has(hex)) return callback(null, null);
      return callback(null, { _id: hex, status: 100, jwtSecret: this.projects.get(hex) });
    });
  }

  /** A lookup made by the verify callback: nothing is ever found (see the header comment). */
  findEntity(callback) {
    this.ctx.later(() => callback(null, null));
  }
}

// ---------------------------------------------------------------------------------------------
// The key provider: which secret verifies the token.

function makeKeyProvider(ctx) {
  const db = ctx.db;
  const globalSecret = ctx.globalSecret;
  return function provideKey(request, rawToken, done) {
    let decoded = request.preDecodedJwt; // only set on project-scoped routes
    log.debug('decoded: ', decoded);
    if (!decoded) {
      log.debug('load decoded after: ');
      decoded = jwt.decode(rawToken);
    }
    log.debug('decoded after: ', decoded);

    if (!(decoded && decoded.aud)) {
      log.debug('configSecret: ***');
      done(null, globalSecret);
      return;
    }

    log.debug('decoded.aud: ' + decoded.aud);
    const audience = new URL(decoded.aud);
    log.debug('audUrl: ' + audience);
    const pathname = audience.pathname;
    log.debug('audUrl path: ' + pathname);
    const kind = pathname.split('/')[1];
    log.debug('audUrl AudienceType: ' + kind);
    const id = pathname.split('/')[2];
    log.debug('audUrl AudienceId: ' + id);

    if (kind == 'bots') {
      if (!id) {
        log.error('AudienceId for bots is required: ', decoded);
        done(null, null);
        return;
      }
      log.debug('bot id AudienceId: ' + id);
      // The faq_kb cache is on by default: its key is built from the claims.
      const botProject = decoded.id_project;
      log.debug('decoded.id_project:' + decoded.id_project);
      void (botProject + ':faq_kbs:id:' + id + ':secret');
      db.findNothingById('faq_kb', id, (err, bot) => {
        if (err) {
          log.error('auth Faq_kb err: ', { error: err, decoded: decoded });
          return done(null, null);
        }
        if (!bot) {
          log.warn('faq_kb not found with id: ' + id, decoded);
          return done(null, null);
        }
        return done(null, bot.secret);
      });
    } else if (kind == 'projects') {
      if (!id) {
        log.error('AudienceId for projects is required: ', decoded);
        done(null, null);
        return;
      }
      log.debug('project id: ' + id);
      db.findActiveProject(id, (err, project) => {
        if (err) {
          log.error('auth Project err: ', { error: err, decoded: decoded });
          return done(null, null);
        }
        if (!project) {
          log.warn('Project not found with id: ' + id, decoded);
          return done(null, null);
        }
        log.debug('project: ', project);
        log.debug('project.jwtSecret: ' + project.jwtSecret);
        return done(null, project.jwtSecret);
      });
    } else if (kind == 'subscriptions') {
      if (!id) {
        log.error('AudienceId for subscriptions is required: ', decoded);
        done(null, null);
        return;
      }
      log.debug('Subscription id: ' + id);
      db.findNothingById('subscription', id, (err, subscription) => {
        if (err) {
          log.error('auth Subscription err: ', { error: err, decoded: decoded });
          return done(null, null);
        }
        if (!subscription) {
          log.warn('subscription not found with id: ' + id, decoded);
          return done(null, null);
        }
        return done(null, subscription.secret);
      });
    } else if (decoded.aud == 'https://tiledesk.com') {
      log.debug('configSecret: ***');
      done(null, globalSecret);
    } else {
      log.debug('configSecret: ***');
      done(null, globalSecret);
    }
  };
}

// ---------------------------------------------------------------------------------------------
// The verify callback (an async function, as in the server) and UserUtil.decorateUser.

function decorateLikeUserUtil(user) {
  user.id = user._id;
  user.fullName = (user.firstname || '') + ' ' + (user.lastname || '');
  return user;
}

function makeVerifier(ctx) {
  const db = ctx.db;
  return async (req, claims, done) => {
    log.debug('jwt_payload', claims);

    if (
      claims._id == undefined &&
      (claims._doc == undefined || (claims._doc && claims._doc._id == undefined))
    ) {
      log.error('jwt_payload._id or jwt_payload._doc._id can t be undefined');
      return done(null, false);
    }
    const identifier = claims._id || claims._doc._id;
    log.debug('passport identifier: ' + identifier);
    const subject = claims.sub;
    log.debug('passport subject: ' + subject);
    log.debug('passport identifier: ' + identifier + ' subject ' + subject);
    const fullUrl = req.protocol + '://' + req.get('host') + req.originalUrl;
    log.debug('fullUrl:' + fullUrl);
    log.debug('req.disablePassportEntityCheck:' + req.disablePassportEntityCheck);

    if (req && req.disablePassportEntityCheck) {
      log.debug('req.disablePassportEntityCheck enabled');
      return done(null, claims);
    }
    // The open-source server has no jwthistory module: no revocation check.

    if (subject == 'bot') {
      const botProject = claims.id_project;
      log.debug('jwt_payload.id_project:' + claims.id_project);
      void (botProject + ':faq_kbs:id:' + identifier);
      db.findEntity((err, bot) => (bot ? done(null, bot) : done(null, false)));
    } else if (subject == 'subscription') {
      db.findEntity((err, subscription) => (subscription ? done(null, subscription) : done(null, false)));
    } else if (subject == 'userexternal') {
      if (claims) {
        log.debug('Passport JWT userexternal', claims);
        const user = decorateLikeUserUtil(claims);
        log.debug('Passport JWT userexternal userM', user);
        return done(null, user);
      }
      return done({ msg: 'No jwt_payload passed. Its required' }, false);
    } else if (subject == 'guest') {
      if (claims) {
        log.debug('Passport JWT guest', claims);
        const user = decorateLikeUserUtil(claims);
        log.debug('Passport JWT guest userM', user);
        return done(null, user);
      }
      return done({ msg: 'No jwt_payload passed. Its required' }, false);
    } else {
      log.debug('Passport JWT generic user');
      db.findEntity((err, user) => (user ? done(null, user) : done(null, false)));
    }
    return undefined;
  };
}

// ---------------------------------------------------------------------------------------------
// The HTTP leg: what reaches req.headers.authorization.

function transportHeader(value) {
  const trimmed = value.replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, '');
  // eslint-disable-next-line no-control-regex
  if (/[\0\r\n]|[^\0-\u00ff]/.test(trimmed)) {
    return { refused: 'invalid HTTP header value (the client refuses to send it)' };
  }
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x08\x0a-\x1f\x7f]/.test(trimmed)) {
    return { refused: 'Parse Error: Invalid header value char' };
  }
  return { value: trimmed.replace(/^[\t ]+|[\t ]+$/g, '') };
}

// ---------------------------------------------------------------------------------------------
// Running the cases, one at a time (the clock and the process handlers are global).

let current = null;

process.on('unhandledRejection', () => {
  if (current) current.settleWith(hangOutcome());
});
process.on('uncaughtException', (err) => {
  if (current) {
    current.settleWith(hangOutcome());
  } else {
    process.stderr.write(`uncaught outside a case: ${err && err.stack}\n`);
  }
});

function hangOutcome() {
  return { accepted: false, stage: 'hang', reason: HANG_REASON };
}

function messageOf(err) {
  if (err instanceof Error) return err.message;
  if (typeof err === 'string') return err;
  try {
    return JSON.stringify(err);
  } catch (_) {
    return String(err);
  }
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

class CaseContext {
  constructor(spec) {
    this.outcome = null;
    this.pending = 0;
    this.finished = false;
    this.globalSecret = spec.global_secret == null ? null : spec.global_secret;
    this.db = new FakeDatabase(this, spec.projects);
  }

  settleWith(outcome) {
    if (this.outcome === null && !this.finished) this.outcome = outcome;
  }

  /** Run fn later, like a database driver answering; an exception there is uncaught. */
  later(fn) {
    this.pending += 1;
    setImmediate(() => {
      this.pending -= 1;
      if (this.finished) return;
      try {
        fn();
      } catch (_) {
        this.settleWith(hangOutcome());
      }
    });
  }
}

async function settle(ctx, graceMs) {
  for (let round = 0; round < 2; round += 1) {
    do {
      await nextTurn();
      await nextTurn();
    } while (ctx.pending > 0);
    if (ctx.outcome !== null) return;
    await sleep(graceMs);
  }
}

async function runCase(spec, graceMs) {
  const ctx = new CaseContext(spec);
  const realNow = Date.now;
  const nowMs = Number(spec.now) * 1000;
  current = ctx;
  Date.now = () => nowMs;
  try {
    const header = transportHeader('JWT ' + String(spec.token));
    if (header.refused) {
      ctx.settleWith({ accepted: false, stage: 'error', reason: header.refused });
    } else {
      const entityCheck = spec.entity_check === undefined ? true : Boolean(spec.entity_check);
      const route = entityCheck ? '/chat21/native/auth/createCustomToken' : '/auth/signinWithCustomToken';
      const req = {
        method: 'POST',
        url: route,
        originalUrl: route,
        protocol: 'https',
        headers: { host: 'api.tiledesk.com', authorization: header.value },
        get(name) {
          return this.headers[String(name).toLowerCase()];
        },
      };
      if (!entityCheck) req.disablePassportEntityCheck = true;

      const strategy = new JwtStrategy(
        {
          jwtFromRequest: ExtractJwt.fromExtractors([
            ExtractJwt.fromAuthHeaderWithScheme('jwt'),
            ExtractJwt.fromUrlQueryParameter('secret_token'),
          ]),
          passReqToCallback: true,
          secretOrKeyProvider: makeKeyProvider(ctx),
        },
        makeVerifier(ctx)
      );
      // What passport's authenticate middleware does: a per-request view with the actions.
      const attempt = Object.create(strategy);
      attempt.success = () => ctx.settleWith({ accepted: true, stage: 'passport', reason: 'ok' });
      attempt.fail = (challenge) =>
        ctx.settleWith({
          accepted: false,
          stage: 'passport',
          reason: challenge instanceof Error ? challenge.message : '',
        });
      attempt.error = (err) => ctx.settleWith({ accepted: false, stage: 'error', reason: messageOf(err) });
      attempt.redirect = () => ctx.settleWith({ accepted: false, stage: 'error', reason: 'redirect' });
      attempt.pass = () => ctx.settleWith({ accepted: false, stage: 'passport', reason: '' });
      try {
        attempt.authenticate(req, { session: false });
      } catch (err) {
        ctx.settleWith({ accepted: false, stage: 'error', reason: messageOf(err) });
      }
    }
    await settle(ctx, graceMs);
  } finally {
    ctx.finished = true;
    Date.now = realNow;
    current = null;
  }
  return ctx.outcome || hangOutcome();
}

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

async function main() {
  const versions = checkVersions();
  if (process.argv.includes('--versions')) {
    process.stdout.write(JSON.stringify(versions) + '\n');
    return;
  }
  const request = JSON.parse(await readStdin());
  const cases = Array.isArray(request.cases) ? request.cases : [];
  const graceMs = Number.isFinite(request.hang_grace_ms) ? request.hang_grace_ms : DEFAULT_HANG_GRACE_MS;
  const results = [];
  for (const spec of cases) {
    results.push(await runCase(spec, graceMs));
  }
  process.stdout.write(JSON.stringify({ results: results }) + '\n');
}

main().then(
  () => {
    process.exitCode = 0;
  },
  (err) => {
    process.stderr.write(`server_stack: ${err && err.stack ? err.stack : err}\n`);
    process.exitCode = 2;
  }
);
