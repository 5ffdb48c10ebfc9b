'use strict';
/*
 * tiledesk-server 2.19.16's own sign-in code, run offline as the test oracle.
 *
 * Runs beside the unpacked npm tarball (./package) and the packages of the server's own lock
 * (./node_modules), installed by tests/interop/tiledesk_server.py. Loaded as they are:
 * middleware/passport.js, routes/auth.js, middleware/valid-token.js, middleware/noentitycheck.js,
 * channels/channelManager.js (and through it channels/chat21/nativeauth.js), middleware/has-role.js,
 * routes/user-request.js, services/mongoose-cache-fn.js, config/winston.js and the mongoose
 * models. Re-typed from app.js (which connects to MongoDB and Redis at load time): the middleware
 * order, projectIdSetter, projectSetter, the error handler, and IPFilter.decodeJwt (middleware/
 * ipFilter.js needs express-ipfilter, which is not on this path; its other filters do nothing
 * for a project without IP rules or banned users).
 *
 * Replaced, under the server's code:
 *  - the database: an in-memory collection behind mongoose's NativeCollection (the driver's
 *    Collection): findOne, find, countDocuments, insertOne and createIndex; any other driver
 *    call fails loudly (it throws, and the harness reports it as a harness fault). Queries are
 *    matched with sift (mongo query semantics; it is in the server's lock); documents are stored
 *    as the driver stores them (BSON serialize with checkKeys, then deserialize).
 *  - redis: an inert client that never connects;
 *  - the clock: Date.now() and new Date() give the case's now (AsyncLocalStorage, so cases
 *    run concurrently each with its own clock and its own database);
 *  - the environment: GLOBAL_SECRET random unless the case gives one (one server instance per
 *    global secret, each with its own module cache), CHAT21_ENABLED=true, LOG_LEVEL unset
 *    (winston at "info": it formats every info/warn/error call, which can throw); the
 *    transports format as usual and then discard the line.
 *
 * The client: the widget's calls as raw bytes on a TCP socket, through Node's own HTTP parser
 * (default 16 KiB header limit), with a browser's usual request headers:
 *   1. POST /auth/signinWithCustomToken, Authorization: JWT <token>, no body;
 *   2. if 1 answered 200 with success and token: POST /chat21/native/auth/createCustomToken,
 *      the same Authorization header, body {};
 *   3. if 2 answered 200: GET /<project>/requests/me?preflight=true with the token 1 returned.
 * A call that gets no answer (the server throws in an async callback, or nothing for
 * NO_ANSWER_MS) has status null.
 *
 * Protocol: one JSON object per line on stdin, {"id", "cases": [case…]}; one per line on
 * stdout, {"id", "results": [result…]} (or {"id", "error"}). A case is {"token", "projects":
 * {id: jwtSecret}, "now" (Unix seconds), "project" (the widget's project id), "global_secret"?}.
 * A result is {"flow": [{"call", "status", "body"}], "accepted"}. A case may give "authorization",
 * the header to send instead of "JWT <token>" (another scheme, other spacing).
 *
 * Listen mode (`node tiledesk_server.js --listen`): the first line on stdin is {"projects",
 * "now", "global_secret"?}; the same server code then serves real HTTP clients on 127.0.0.1 (a
 * port of its own, printed as {"listening": port}) with one database and one clock for every
 * request, as a real Tiledesk keeps its state; each further line ({"projects", "now"}) starts
 * over with an empty database (answered {"reset": true}); it stops when stdin closes. A request whose
 * handler throws asynchronously gets no answer, as on the real server. The server's own cors
 * middleware answers browsers' preflights.
 */

const fs = require('fs');
const path = require('path');
const net = require('net');
const http = require('http');
const crypto = require('crypto');
const Module = require('module');
const { AsyncLocalStorage, createHook } = require('async_hooks');

const ROOT = __dirname;
const SERVER = path.join(ROOT, 'package');
const NO_ANSWER_MS = 10000;
const CRASH_GRACE_MS = 300;
const CONCURRENCY = 16;
const BODY_LIMIT = 2000;

// ------------------------------------------------------------------------------------------
// The case's context: its clock and database travel with every callback of its requests.

const als = new AsyncLocalStorage();
const CASE = Symbol('tiledesk-harness-case');
createHook({
  init(asyncId, type, triggerAsyncId, resource) {
    const store = als.getStore();
    if (store && resource && typeof resource === 'object') resource[CASE] = store;
  },
}).enable();

const RealDate = Date;
function clockNow() {
  const store = als.getStore();
  return store ? store.nowMs : RealDate.now();
}
// Named Date: mongoose recognises schema types by their constructor's name.
const CaseDate = class Date extends RealDate {
  constructor(...args) {
    if (args.length === 0) super(clockNow());
    else super(...args);
  }
  static now() {
    return clockNow();
  }
};
global.Date = CaseDate;

// An exception nobody catches, inside a case's request: that request never gets an answer.
function crashed(store) {
  if (store && store.call) store.call.crashed = true;
}
process.on('uncaughtException', (err) => {
  const store = als.getStore();
  if (store) crashed(store);
  else process.stderr.write(`harness: uncaught outside a case: ${err && err.stack}\n`);
});
process.on('unhandledRejection', (reason, promise) => {
  const store = als.getStore() || (promise && promise[CASE]);
  if (store) crashed(store);
  else process.stderr.write(`harness: unhandled rejection outside a case: ${reason && reason.stack}\n`);
});

// ------------------------------------------------------------------------------------------
// Loading one server instance (one per global secret): its own module cache, mongoose included.

function inertRedis() {
  const { EventEmitter } = require('events');
  class InertClient extends EventEmitter {
    constructor() {
      super();
      this.connected = false;
    }
  }
  const never = () => undefined;
  for (const name of ['get', 'set', 'del', 'expire', 'quit', 'on_connect', 'hget', 'hset', 'incr']) {
    InertClient.prototype[name] = never;
  }
  return { createClient: () => new InertClient(), RedisClient: InertClient };
}

class HarnessFault extends Error {}

function makeDriver(instance) {
  const { sift, BSON } = instance;
  const bson = new BSON();

  function storeOf(name) {
    const store = als.getStore();
    if (!store) return null;
    if (!store.db[name]) store.db[name] = [];
    return store.db[name];
  }

  function project(doc, projection) {
    if (!projection || typeof projection !== 'object') return doc;
    const keys = Object.keys(projection).filter((k) => typeof projection[k] !== 'object');
    const included = keys.filter((k) => projection[k] && k !== '_id');
    if (included.length > 0) {
      const out = {};
      if (projection._id !== 0) out._id = doc._id;
      for (const k of included) if (k in doc) out[k] = doc[k];
      return out;
    }
    const out = Object.assign({}, doc);
    for (const k of keys) if (!projection[k]) delete out[k];
    return out;
  }

  function copy(doc) {
    return bson.deserialize(bson.serialize(doc), { promoteValues: true });
  }

  function matching(name, filter) {
    const docs = storeOf(name);
    if (docs === null) throw new HarnessFault(`a ${name} query outside any case`);
    const test = sift(filter || {});
    return docs.filter((doc) => test(doc));
  }

  function later(cb, err, value) {
    setImmediate(() => cb(err, value));
  }

  function collection(name) {
    const methods = {
      findOne(filter, options, cb) {
        if (typeof options === 'function') [options, cb] = [{}, options];
        let found;
        try {
          found = matching(name, filter)[0];
        } catch (err) {
          return later(cb, err);
        }
        later(cb, null, found ? project(copy(found), options && options.projection) : null);
      },
      find(filter, options, cb) {
        if (typeof options === 'function') [options, cb] = [{}, options];
        let docs;
        try {
          docs = matching(name, filter);
        } catch (err) {
          return later(cb, err);
        }
        const skip = (options && options.skip) || 0;
        const limit = (options && options.limit) || docs.length;
        const chosen = docs.slice(skip, skip + limit).map((d) => project(copy(d), options && options.projection));
        later(cb, null, { toArray: (done) => later(done, null, chosen) });
      },
      countDocuments(filter, options, cb) {
        if (typeof options === 'function') [options, cb] = [{}, options];
        try {
          later(cb, null, matching(name, filter).length);
        } catch (err) {
          later(cb, err);
        }
      },
      insertOne(doc, options, cb) {
        if (typeof options === 'function') [options, cb] = [{}, options];
        const docs = storeOf(name);
        if (docs === null) return later(cb, new HarnessFault(`a ${name} insert outside any case`));
        let stored;
        try {
          stored = bson.deserialize(bson.serialize(doc, { checkKeys: true }), { promoteValues: true });
        } catch (err) {
          return later(cb, err);
        }
        docs.push(stored);
        later(cb, null, { insertedCount: 1, insertedId: stored._id, ops: [doc], result: { ok: 1, n: 1 } });
      },
      createIndex(spec, options, cb) {
        if (typeof options === 'function') [options, cb] = [{}, options];
        if (cb) later(cb, null, 'index');
        return Promise.resolve('index');
      },
    };
    return new Proxy(methods, {
      get(target, prop) {
        if (prop in target) return target[prop];
        if (typeof prop === 'symbol' || prop === 'then' || prop === 'inspect') return undefined;
        if (prop === 'collectionName') return name;
        return () => {
          const store = als.getStore();
          const fault = `the server called collection.${String(prop)} on ${name}, which the harness does not implement`;
          if (store) store.faults.push(fault);
          throw new HarnessFault(fault);
        };
      },
    });
  }

  const collections = {};
  return {
    collection(name) {
      if (!collections[name]) collections[name] = collection(name);
      return collections[name];
    },
    listCollections() {
      return { toArray: (cb) => later(cb, null, []) };
    },
  };
}

function loadInstance(globalSecret) {
  for (const key of Object.keys(require.cache)) {
    if (key.startsWith(ROOT + path.sep + 'node_modules') || key.startsWith(SERVER + path.sep)) {
      delete require.cache[key];
    }
  }
  process.env.GLOBAL_SECRET = globalSecret;
  process.env.CHAT21_ENABLED = 'true';
  process.env.APP_ROOT_PATH = path.join(ROOT, 'app-root');
  process.env.CREATE_INITIAL_DATA = 'false';
  delete process.env.LOG_LEVEL;
  delete process.env.ADMIN_EMAIL;
  fs.mkdirSync(path.join(ROOT, 'app-root', 'logs'), { recursive: true });

  const fromServer = Module.createRequire(path.join(SERVER, 'app.js'));
  const redisPath = fromServer.resolve('redis');
  require.cache[redisPath] = { id: redisPath, filename: redisPath, loaded: true, exports: inertRedis() };

  const instance = {
    sift: fromServer('sift').default || fromServer('sift'),
    BSON: fromServer('bson'),
  };
  const winston = fromServer('./config/winston');
  for (const transport of winston.transports) {
    // Formatted as in production (that is what can throw), then dropped.
    // The callback comes at once, as from a console: the logger's stream stays drained, so
    // each line is formatted inside the log call (an idle server; under load winston buffers
    // and formats later, away from the request).
    transport.log = (info, done) => {
      if (done) done();
    };
  }
  const mongoose = fromServer('mongoose');
  mongoose.set('useFindAndModify', false);
  mongoose.set('useCreateIndex', true);
  mongoose.connection.db = makeDriver(instance);
  mongoose.connection.onOpen();
  fromServer('./services/mongoose-cache-fn')(mongoose);

  const express = fromServer('express');
  const bodyParser = fromServer('body-parser');
  const cookieParser = fromServer('cookie-parser');
  const session = fromServer('express-session');
  const cors = fromServer('cors');
  const jwt = fromServer('jsonwebtoken');
  const passport = fromServer('passport');
  fromServer('./middleware/passport')(passport);
  const Project = fromServer('./models/project');
  const validtoken = fromServer('./middleware/valid-token');
  const roleChecker = fromServer('./middleware/has-role');
  const cacheEnabler = fromServer('./services/cacheEnabler');
  const cacheUtil = fromServer('./utils/cacheUtil');
  const auth = fromServer('./routes/auth');
  const userRequest = fromServer('./routes/user-request');
  const channelManager = fromServer('./channels/channelManager');

  const app = express();
  app.use(
    bodyParser.json({
      limit: '500KB',
      verify(req, res, buf) {
        req.rawBody = buf.toString();
        winston.debug('bodyParser verify stripe', req.rawBody);
      },
    })
  );
  app.use(bodyParser.urlencoded({ limit: '500KB', extended: true }));
  app.use(cookieParser());
  app.use(express.static(path.join(SERVER, 'public')));
  app.use(passport.initialize());
  app.set('trust proxy', 1);
  app.use(session({ secret: 'tiledesk-session-secret' }));
  app.use(passport.session());
  app.use(cors());
  app.options('*', cors());

  const projectIdSetter = function (req, res, next) {
    req.projectid = req.params.projectid;
    next();
  };
  const projectSetter = function (req, res, next) {
    const projectid = req.params.projectid;
    if (!projectid) return next();
    if (!mongoose.Types.ObjectId.isValid(projectid)) {
      return res.status(400).send({ error: 'Invalid project id: ' + projectid });
    }
    const q = Project.findOne({ _id: projectid, status: 100 });
    if (cacheEnabler.project) q.cache(cacheUtil.longTTL, 'projects:id:' + projectid);
    q.exec(function (err, project) {
      if (!project) return res.status(400).send({ error: 'Project not found with id: ' + projectid });
      req.project = project;
      next();
    });
  };
  const decodeJwt = function (req, res, next) {
    const token = getToken(req.headers); // the global valid-token.js defines
    if (token) {
      try {
        req.preDecodedJwt = jwt.decode(token);
      } catch (e) {
        winston.debug('Error decoding jwt');
      }
    }
    next();
  };
  const jwtOrBasic = passport.authenticate(['basic', 'jwt'], { session: false });

  app.use('/auth', auth);
  channelManager.use(app);
  app.use('/:projectid/', [projectIdSetter, projectSetter, decodeJwt]);
  app.use('/:projectid/requests', [jwtOrBasic, validtoken, roleChecker.hasRoleOrTypes('guest', ['bot', 'subscription'])], userRequest);
  app.use((err, req, res, next) => {
    if (err.type === 'entity.too.large' || err.name === 'PayloadTooLargeError') {
      return res.status(413).json({ err: 'Request entity too large', limit: err.limit });
    }
    winston.error('General error: ', err);
    return res.status(500).json({ err: 'error' });
  });

  return new Promise((resolve) => {
    const server = http.createServer((req, res) => {
      const store = clients.get(`${req.socket.localPort}:${req.socket.remotePort}`);
      if (!store) {
        res.statusCode = 421;
        return res.end();
      }
      als.run(store, () => app(req, res));
    });
    server.listen(0, '127.0.0.1', () => resolve({ server, port: server.address().port, mongoose, app }));
  });
}

const instances = new Map();
function instanceFor(globalSecret) {
  const key = globalSecret == null ? null : String(globalSecret);
  if (!instances.has(key)) {
    const secret = key === null ? crypto.randomUUID() : key;
    instances.set(key, loadInstance(secret));
  }
  return instances.get(key);
}

// ------------------------------------------------------------------------------------------
// The client: a browser's request, byte for byte, on a socket of its own.

const clients = new Map(); // "server port:client port" of a harness socket -> the case's store

const BROWSER_HEADERS = [
  ['Host', 'api.tiledesk.com'],
  ['Connection', 'keep-alive'],
  ['sec-ch-ua-platform', '"Windows"'],
  ['User-Agent', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'],
  ['Accept', 'application/json, text/plain, */*'],
  ['sec-ch-ua', '"Google Chrome";v="131", "Chromium";v="131", "Not_A Brand";v="24"'],
  ['sec-ch-ua-mobile', '?0'],
  ['Origin', 'https://www.example.com'],
  ['Sec-Fetch-Site', 'cross-site'],
  ['Sec-Fetch-Mode', 'cors'],
  ['Sec-Fetch-Dest', 'empty'],
  ['Referer', 'https://www.example.com/'],
  ['Accept-Encoding', 'gzip, deflate, br, zstd'],
  ['Accept-Language', 'en-US,en;q=0.9'],
];

function requestBytes(method, target, authorization, body) {
  const lines = [`${method} ${target} HTTP/1.1`];
  for (const [name, value] of BROWSER_HEADERS) {
    lines.push(`${name}: ${value}`);
    if (name === 'Connection') {
      // The widget posts with Content-Type: application/json (the sign-in with no body).
      if (method === 'POST') lines.push(`Content-Length: ${Buffer.byteLength(body || '')}`);
      lines.push(`Authorization: ${authorization}`);
      if (method === 'POST') lines.push('Content-Type: application/json');
    }
  }
  return Buffer.concat([Buffer.from(lines.join('\r\n') + '\r\n\r\n', 'latin1'), Buffer.from(body || '', 'utf8')]);
}

// What a browser does to a header value: trims HTTP whitespace; refuses NUL, CR, LF and
// characters above U+00FF (setRequestHeader throws; nothing is sent).
function browserHeaderValue(value) {
  const trimmed = value.replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, '');
  // eslint-disable-next-line no-control-regex
  if (/[\0\r\n]|[^\0-\u00ff]/.test(trimmed)) return null;
  return trimmed;
}

function parseResponse(raw) {
  const text = raw.toString('latin1');
  const end = text.indexOf('\r\n\r\n');
  const head = end >= 0 ? text.slice(0, end) : text;
  const match = /^HTTP\/1\.[01] (\d{3})/.exec(head);
  if (!match) return null;
  let body = end >= 0 ? raw.subarray(Buffer.byteLength(text.slice(0, end + 4), 'latin1')) : Buffer.alloc(0);
  if (/\r\ntransfer-encoding: chunked/i.test(head)) body = dechunk(body);
  const bodyText = body.toString('utf8');
  let parsed = bodyText.slice(0, BODY_LIMIT);
  try {
    parsed = JSON.parse(bodyText);
  } catch (_) {
    /* keep the text */
  }
  return { status: Number(match[1]), body: parsed };
}

function dechunk(buffer) {
  const parts = [];
  let at = 0;
  while (at < buffer.length) {
    const lineEnd = buffer.indexOf('\r\n', at);
    if (lineEnd < 0) break;
    const size = parseInt(buffer.subarray(at, lineEnd).toString('latin1'), 16);
    if (!size) break;
    parts.push(buffer.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 4 + size;
  }
  return Buffer.concat(parts);
}

function call(instance, store, bytes) {
  return new Promise((resolve) => {
    const state = { crashed: false };
    const chunks = [];
    let settled = false;
    let socket = null;
    let key = null;
    const finish = (answer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearInterval(watch);
      if (socket) {
        clients.delete(key);
        socket.destroy();
      }
      store.call = null;
      resolve(answer);
    };
    const timer = setTimeout(() => finish({ status: null }), NO_ANSWER_MS);
    let crashedAt = null;
    const watch = setInterval(() => {
      if (!state.crashed) return;
      if (crashedAt === null) crashedAt = RealDate.now();
      else if (RealDate.now() - crashedAt >= CRASH_GRACE_MS) finish({ status: null });
    }, 50);
    store.call = state;
    socket = net.connect({ port: instance.port, host: '127.0.0.1' }, () => {
      key = `${instance.port}:${socket.localPort}`;
      clients.set(key, store);
      socket.write(bytes);
    });
    socket.on('data', (chunk) => {
      chunks.push(chunk);
      const answer = parseResponse(Buffer.concat(chunks));
      if (answer && complete(Buffer.concat(chunks))) finish(answer);
    });
    socket.on('error', () => undefined);
    socket.on('close', () => finish(parseResponse(Buffer.concat(chunks)) || { status: null }));
  });
}

function complete(raw) {
  const text = raw.toString('latin1');
  const end = text.indexOf('\r\n\r\n');
  if (end < 0) return false;
  const head = text.slice(0, end);
  const length = /\r\ncontent-length: (\d+)/i.exec(head);
  const bodyBytes = raw.length - Buffer.byteLength(text.slice(0, end + 4), 'latin1');
  if (length) return bodyBytes >= Number(length[1]);
  if (/\r\ntransfer-encoding: chunked/i.test(head)) return text.endsWith('0\r\n\r\n');
  return false;
}

// ------------------------------------------------------------------------------------------
// One case: the widget's sign-in, call after call.

function freshDatabase(spec, mongoose) {
  const ObjectId = mongoose.Types.ObjectId;
  const projects = Object.entries(spec.projects || {}).map(([id, secret]) => ({
    _id: new ObjectId(id),
    name: 'harness project',
    jwtSecret: secret,
    status: 100,
    createdAt: new Date(Number(spec.now) * 1000),
    updatedAt: new Date(Number(spec.now) * 1000),
  }));
  return { projects };
}

async function runCase(spec) {
  const instance = await instanceFor(spec.global_secret);
  const store = {
    nowMs: Number(spec.now) * 1000,
    db: freshDatabase(spec, instance.mongoose),
    call: null,
    faults: [],
  };
  const flow = [];
  const sent = spec.authorization == null ? 'JWT ' + String(spec.token) : String(spec.authorization);
  const authorization = browserHeaderValue(sent);
  if (authorization === null) {
    flow.push({ call: 'signin', status: null, body: null, refused: true });
    return { flow, accepted: false };
  }
  const signin = await call(instance, store, requestBytes('POST', '/auth/signinWithCustomToken', authorization, null));
  flow.push({ call: 'signin', status: signin.status, body: signin.body === undefined ? null : signin.body });
  const signed = signin.status === 200 && signin.body && typeof signin.body === 'object' && signin.body.success && signin.body.token;
  if (signed) {
    const chat21 = await call(
      instance,
      store,
      requestBytes('POST', '/chat21/native/auth/createCustomToken', authorization, '{}')
    );
    flow.push({ call: 'chat21', status: chat21.status, body: chat21.body === undefined ? null : chat21.body });
    if (chat21.status === 200) {
      const returned = browserHeaderValue(String(signin.body.token));
      const target = `/${spec.project}/requests/me?preflight=true`;
      const projectCall = returned === null ? { status: null } : await call(instance, store, requestBytes('GET', target, returned, null));
      flow.push({ call: 'project', status: projectCall.status, body: projectCall.body === undefined ? null : projectCall.body });
    }
  }
  const result = { flow, accepted: Boolean(signed) && flow.length > 1 && flow[1].status === 200 };
  if (store.faults.length) result.faults = store.faults;
  return result;
}

async function runAll(cases) {
  const results = new Array(cases.length);
  let next = 0;
  async function worker() {
    while (next < cases.length) {
      const index = next++;
      try {
        results[index] = await runCase(cases[index]);
      } catch (err) {
        results[index] = { flow: [], accepted: false, faults: [String(err && err.stack)] };
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, cases.length) }, worker));
  return results;
}

// ------------------------------------------------------------------------------------------

async function listen(reader, out) {
  const iterator = reader[Symbol.asyncIterator]();
  const first = await iterator.next();
  const spec = JSON.parse(first.value || '{}');
  const instance = await instanceFor(spec.global_secret);
  let store = { nowMs: Number(spec.now) * 1000, db: freshDatabase(spec, instance.mongoose), call: null, faults: [] };
  // Each request runs in the store current when it arrives: work a request of an earlier run
  // still does (a hang, a late write) lands in that run's database, never in the fresh one.
  const server = http.createServer((req, res) => als.run(store, () => instance.app(req, res)));
  server.listen(0, '127.0.0.1', () => out({ listening: server.address().port, node: process.version }));
  for (;;) {
    const next = await iterator.next();
    if (next.done) break;
    if (!next.value.trim()) continue;
    // A fresh Tiledesk on the same port: these projects, this clock, an empty database.
    const again = JSON.parse(next.value);
    store = { nowMs: Number(again.now) * 1000, db: freshDatabase(again, instance.mongoose), call: null, faults: [] };
    out({ reset: true });
  }
  process.exit(0);
}

async function main() {
  const reader = require('readline').createInterface({ input: process.stdin });
  const out = (obj) => process.stdout.write(JSON.stringify(obj) + '\n');
  // The server's own logs go nowhere: stdout carries the answers.
  console.log = console.info = console.warn = console.error = console.debug = () => undefined;
  if (process.argv.includes('--listen')) return listen(reader, out);
  await instanceFor(null);
  out({ ready: true, node: process.version });
  for await (const line of reader) {
    if (!line.trim()) continue;
    let request;
    try {
      request = JSON.parse(line);
    } catch (err) {
      out({ id: null, error: `not JSON: ${err.message}` });
      continue;
    }
    try {
      out({ id: request.id, results: await runAll(request.cases || []) });
    } catch (err) {
      out({ id: request.id, error: String(err && err.stack) });
    }
  }
  process.exit(0);
}

main().catch((err) => {
  process.stderr.write(`harness: ${err && err.stack}\n`);
  process.exit(2);
});
