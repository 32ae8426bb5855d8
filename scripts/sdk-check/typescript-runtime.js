// Drives a running docchat server through the official Alibaba Cloud TypeScript runtimes, exactly as the generated
// energyExpertExternal client does: ACS3 signatures, JSON bodies, error parsing, and server-sent events for ChatStream.
// Usage: node typescript-runtime.js HOST:PORT ACCESS_KEY_ID ACCESS_KEY_SECRET
const Legacy = require('@alicloud/openapi-client');
const LegacyUtil = require('@alicloud/tea-util');
const Core = require('@alicloud/openapi-core');
const Dara = require('@darabonba/typescript');

const [endpoint, accessKeyId, accessKeySecret] = process.argv.slice(2);
const failures = [];
const check = (ok, what) => { console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`); if (!ok) failures.push(what); };

function params(P, action, pathname) {
  return new P({ action, version: '2022-09-23', protocol: 'HTTP', pathname, method: 'POST', authType: 'AK',
    style: 'ROA', reqBodyType: 'json', bodyType: 'json' });
}

async function legacyRuntime() {
  const client = new Legacy.default(new Legacy.Config({ accessKeyId, accessKeySecret, endpoint, protocol: 'http',
    signatureVersion: 'v3' }));
  const call = (action, pathname, body) => client.callApi(params(Legacy.Params, action, pathname),
    new Legacy.OpenApiRequest({ body }), new LegacyUtil.RuntimeOptions({}));
  const folders = await call('GetChatFolderList', '/api/v2/aidoc/document/chat/folder/list');
  check(Array.isArray(folders.body.data) && folders.body.data.length > 0, 'GetChatFolderList returns the folder tree');
  const folderId = folders.body.data[0].folderId;
  const session = await call('CreateChatSession', '/api/v2/aidoc/document/chat/session/create',
    { folderId, name: 'SDK 会话' });
  const sessionId = session.body.data.sessionId;
  check(typeof sessionId === 'string', 'CreateChatSession returns a sessionId (CJK name signed correctly)');
  const list = await call('GetChatSessionList', '/api/v2/aidoc/document/chat/session/list',
    { currentPage: 1, pageSize: 10 });
  check(typeof list.body.data.total === 'number' && list.body.data.total >= 1, 'GetChatSessionList totals are numbers');
  const chat = await call('Chat', '/api/v2/aidoc/document/chat',
    { sessionId, question: 'How much does the ZX-9 pump cost?' });
  check(chat.body.data.answer.includes('1,200') && chat.body.data.refDocList.length > 0
    && chat.body.data.refDocList[0].pageNum[0].num === 1, 'Chat answers with a cited document and page');
  try {
    await call('Chat', '/api/v2/aidoc/document/chat', { sessionId: 'no-such-session', question: 'x' });
    check(false, 'an unknown session is an error');
  } catch (e) {
    check(e.code === 'SessionNotFound', `an unknown session raises SessionNotFound (got ${e.code})`);
  }
  return folderId;
}

async function sseRuntime(folderId) {
  const client = new Core.default(new Core.$OpenApiUtil.Config({ accessKeyId, accessKeySecret, endpoint,
    protocol: 'http', signatureVersion: 'v3' }));
  const runtime = new Dara.RuntimeOptions({});
  const session = await client.callApi(params(Core.$OpenApiUtil.Params, 'CreateChatSession',
    '/api/v2/aidoc/document/chat/session/create'), new Core.$OpenApiUtil.OpenApiRequest({ body: { folderId, name: 'sse' } }),
    runtime);
  const request = new Core.$OpenApiUtil.OpenApiRequest({ body: { sessionId: session.body.data.sessionId,
    question: 'How much does the ZX-9 pump cost?' } });
  const events = [];
  for await (const response of client.callSSEApi(params(Core.$OpenApiUtil.Params, 'ChatStream',
    '/api/v2/aidoc/document/chat/stream'), request, runtime)) {
    events.push(JSON.parse(response.event.data));
  }
  const answer = events.map(e => e.data.answer).join('');
  check(events.length >= 3, `ChatStream yields several events (${events.length})`);
  check(events[0].data.refDocList.length > 0 && events[0].data.answer === '', 'the first event carries the citations');
  check(answer.includes('1,200'), 'the deltas add up to the answer');
  check(events[events.length - 1].data.status === 'COMPLETED', 'the last event says COMPLETED');
}

(async () => {
  const folderId = await legacyRuntime();
  await sseRuntime(folderId);
  console.log(failures.length === 0 ? 'all checks passed' : `${failures.length} checks failed`);
  process.exit(failures.length === 0 ? 0 : 1);
})().catch(e => { console.log(`FAIL ${e.code || ''} ${e.message}`); process.exit(1); });
