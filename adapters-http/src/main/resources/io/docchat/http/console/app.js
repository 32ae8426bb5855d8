// The docchat console: folders and documents, chat sessions with streamed answers, and citations drawn on the page.
// It uses only the public HTTP API, exactly as an SDK would.

import * as api from './api.js';
import { has, language, setLanguage, t, translatePage } from './i18n.js';
import { byId, confirmingButton, h, svg } from './dom.js';

const DOC_PAGE_SIZE = 20;
const SESSION_API_PAGE_SIZE = 50;
const HISTORY_PAGE_SIZE = 10;
const POLL_MS = 1000;
const NO_RELATED = 'No related content found.';
const IN_PROGRESS = new Set(['PENDING', 'PARSING']);

const state = {
  tree: [],
  folders: new Map(), // folderId -> { node, parentId }
  folderId: null,
  folderFormParent: null,
  docs: { page: 1, totalPage: 0, items: [] },
  docPoll: null,
  uploadsInFlight: 0,
  sessions: [],
  sessionApiPage: 0,
  sessionApiTotalPages: 1,
  sessionId: null,
  firstLoadedHistoryPage: 1,
  loadingEarlier: false,
  streaming: null,
  restrictChosen: new Set(),
  restrictCandidates: [],
  source: null,
};

// ---------------------------------------------------------------- errors in words

/** An error as a sentence in the console's language, with the API's code. */
function describe(error) {
  if (!(error instanceof api.ApiError)) {
    return String((error && error.message) || error);
  }
  const code = error.code || 'Error';
  let key = 'err_' + code;
  if (!has(key)) {
    key = 'err_' + code.split('.')[0];
  }
  let words = has(key) ? t(key) : (error.message || code);
  if (/^(MissingParameter|InvalidParameter)/.test(code) && error.message) {
    words += ' ' + error.message;
  }
  return t('errorWithCode', { words, code });
}

function notify(error) {
  byId('notice-text').textContent = typeof error === 'string' ? error : describe(error);
  byId('notice').hidden = false;
}

function clearNotice() {
  byId('notice').hidden = true;
}

/** Runs an action and shows its failure in words instead of losing it. */
async function guarded(action) {
  try {
    return await action();
  } catch (e) {
    if (e.status === 401 && api.token.get()) {
      // The token was revoked while the console was open: ask for another one.
      api.token.clear();
      showSignIn(e);
    } else {
      notify(e);
    }
    return undefined;
  }
}

// ---------------------------------------------------------------- views (one panel at a time on a phone)

function setView(view) {
  document.body.dataset.view = view;
  if (view === 'docs' || view === 'chat') {
    document.body.dataset.main = view;
  }
  const desktop = window.matchMedia('(min-width: 761px)').matches;
  for (const button of byId('views').querySelectorAll('button')) {
    const pressed = button.dataset.view === view || (desktop && button.dataset.view === document.body.dataset.main);
    button.setAttribute('aria-pressed', String(pressed));
  }
  byId('views').querySelector('[data-view="source"]').disabled = !state.source;
}

// ---------------------------------------------------------------- sign in

function showApp() {
  byId('sign-in').hidden = true;
  byId('layout').hidden = false;
  byId('views').hidden = false;
  const signedIn = Boolean(api.token.get());
  const badge = byId('mode-badge');
  badge.hidden = false;
  badge.textContent = signedIn ? t('signedIn') : t('localMode');
  byId('sign-out').hidden = !signedIn;
}

function showSignIn(error) {
  byId('layout').hidden = true;
  byId('views').hidden = true;
  byId('sign-in').hidden = false;
  byId('mode-badge').hidden = true;
  byId('sign-out').hidden = true;
  const message = byId('sign-in-error');
  message.hidden = !error || error.code === 'MissingAuthorization';
  message.textContent = error ? describe(error) : '';
  byId('token').focus();
}

async function start() {
  try {
    await loadFolders();
    showApp();
  } catch (e) {
    if (e.status === 401) {
      showSignIn(e);
    } else {
      showApp();
      notify(e);
    }
  }
}

async function signIn(event) {
  event.preventDefault();
  const value = byId('token').value.trim();
  if (!value) {
    return;
  }
  api.token.set(value);
  try {
    await loadFolders();
    byId('token').value = '';
    showApp();
  } catch (e) {
    api.token.clear();
    showSignIn(e);
  }
}

function signOut() {
  api.token.clear();
  stopAnswer();
  Object.assign(state, { tree: [], folderId: null, sessionId: null, sessions: [], source: null });
  state.folders.clear();
  byId('turns').replaceChildren();
  byId('doc-rows').replaceChildren();
  byId('uploads').replaceChildren();
  closeSource();
  showSignIn(null);
}

// ---------------------------------------------------------------- folders

async function loadFolders() {
  const tree = await api.folders.tree();
  state.tree = tree || [];
  state.folders.clear();
  const index = (nodes, parentId) => {
    for (const node of nodes) {
      state.folders.set(node.folderId, { node, parentId });
      index(node.subFolders || [], node.folderId);
    }
  };
  index(state.tree, null);
  if (!state.folders.has(state.folderId)) {
    state.folderId = null;
    const first = state.tree[0];
    if (first) {
      selectFolder(first.folderId);
    } else {
      renderAll();
    }
  } else {
    renderTree();
  }
}

function folderName(folderId) {
  const entry = state.folders.get(folderId);
  return entry ? entry.node.folderName : '';
}

/** The folder and all folders below it: the scope of a chat session. */
function subtree(folderId) {
  const entry = state.folders.get(folderId);
  if (!entry) {
    return [];
  }
  const ids = [];
  const walk = (node) => {
    ids.push(node.folderId);
    (node.subFolders || []).forEach(walk);
  };
  walk(entry.node);
  return ids;
}

function renderTree() {
  const item = (node) => {
    const selected = node.folderId === state.folderId;
    const children = node.subFolders || [];
    return h('li', {},
      h('button', { type: 'button', class: selected ? 'folder selected' : 'folder',
        'aria-current': selected ? 'true' : null, dataset: { folderId: node.folderId }, text: node.folderName,
        onclick: () => selectFolder(node.folderId) }),
      children.length ? h('ul', {}, children.map(item)) : null);
  };
  byId('folder-tree').replaceChildren(...state.tree.map(item));
  byId('folders-empty').hidden = state.tree.length > 0;
  byId('folder-actions').hidden = !state.folderId;
}

function selectFolder(folderId) {
  if (state.folderId !== folderId) {
    state.folderId = folderId;
    state.docs = { page: 1, totalPage: 0, items: [] };
    state.sessionId = null;
    state.restrictChosen.clear();
    state.restrictCandidates = [];
    byId('turns').replaceChildren();
    byId('uploads').replaceChildren();
  }
  renderAll();
  guarded(() => loadDocuments(1));
  guarded(() => loadSessions(true));
  guarded(loadRestrictCandidates);
}

function openFolderForm(parentId) {
  state.folderFormParent = parentId;
  const form = byId('folder-form');
  form.hidden = false;
  byId('folder-form-label').textContent = parentId === '0'
    ? t('folderNameTop') : t('folderNameIn', { folder: folderName(parentId) });
  byId('folder-name').value = '';
  byId('folder-name').focus();
}

async function createFolder(event) {
  event.preventDefault();
  const name = byId('folder-name').value.trim();
  if (!name) {
    return;
  }
  const created = await guarded(() => api.folders.add(name, state.folderFormParent || '0'));
  if (created) {
    byId('folder-form').hidden = true;
    await guarded(loadFolders);
    selectFolder(created.folderId);
  }
}

async function deleteFolder() {
  const folderId = state.folderId;
  if (!folderId) {
    return;
  }
  const done = await guarded(() => api.folders.remove(folderId));
  if (done) {
    clearNotice();
    const parent = state.folders.get(folderId)?.parentId;
    state.folderId = parent;
    await guarded(loadFolders);
    if (parent) {
      selectFolder(parent);
    }
  }
}

// ---------------------------------------------------------------- documents

async function loadDocuments(page = state.docs.page) {
  clearTimeout(state.docPoll);
  const folderId = state.folderId;
  if (!folderId) {
    renderDocuments();
    return;
  }
  const result = await api.documents.list(folderId, page, DOC_PAGE_SIZE);
  if (folderId !== state.folderId) {
    return;
  }
  if (result.totalPage > 0 && page > result.totalPage) {
    await loadDocuments(result.totalPage);
    return;
  }
  state.docs = { page, totalPage: result.totalPage, items: result.documentList || [] };
  renderDocuments();
  schedulePoll();
}

function schedulePoll() {
  clearTimeout(state.docPoll);
  const parsing = state.docs.items.some((doc) => IN_PROGRESS.has(doc.jobStatus));
  if (parsing || state.uploadsInFlight > 0) {
    state.docPoll = setTimeout(() => loadDocuments().catch(notify), POLL_MS);
  }
}

function renderDocuments() {
  const folder = folderName(state.folderId);
  byId('docs-title').textContent = state.folderId ? t('documentsIn', { folder }) : t('chooseFolder');
  byId('dropzone').classList.toggle('disabled', !state.folderId);
  byId('file-input').disabled = !state.folderId;
  const rows = state.docs.items.map((doc) => {
    const status = h('span', { class: 'status status-' + doc.jobStatus, text: t('status_' + doc.jobStatus) });
    const deleteButton = confirmingButton(
      h('button', { type: 'button', class: 'small danger', text: t('delete'),
        'aria-label': t('deleteDocument', { name: doc.docName }) }),
      () => t('confirmDelete'), () => deleteDocument(doc.jobId));
    return h('tr', { dataset: { taskId: doc.jobId, status: doc.jobStatus } },
      h('td', { class: 'doc-name' }, h('a', { href: doc.originDocUrl || doc.docUrl, target: '_blank',
        rel: 'noopener', text: doc.docName, 'aria-label': t('openDocument', { name: doc.docName }) })),
      h('td', {}, status, doc.errorMessage ? h('p', { class: 'doc-error', text: doc.errorMessage }) : null),
      h('td', { class: 'doc-pages', text: doc.jobStatus === 'PARSING_COMPLETED' ? String(doc.pages) : '–' }),
      h('td', { class: 'doc-actions' }, deleteButton));
  });
  byId('doc-rows').replaceChildren(...rows);
  byId('doc-table').hidden = rows.length === 0;
  byId('docs-empty').hidden = rows.length > 0 || !state.folderId;
  const pager = byId('doc-pager');
  pager.hidden = state.docs.totalPage <= 1;
  byId('doc-page').textContent = t('pageOf', { page: state.docs.page, pages: state.docs.totalPage });
  byId('doc-prev').disabled = state.docs.page <= 1;
  byId('doc-next').disabled = state.docs.page >= state.docs.totalPage;
  // An upload whose document is listed is shown by its row from now on.
  const listed = new Set(state.docs.items.map((doc) => doc.jobId));
  for (const upload of byId('uploads').querySelectorAll('li[data-task-id]')) {
    if (listed.has(upload.dataset.taskId)) {
      upload.remove();
    }
  }
}

async function deleteDocument(taskId) {
  if (await guarded(() => api.documents.remove(taskId))) {
    await guarded(() => loadDocuments());
  }
}

function uploadFiles(files) {
  const folderId = state.folderId;
  if (!folderId || !files || files.length === 0) {
    return;
  }
  for (const file of files) {
    const progress = h('progress', { max: '1', value: '0', 'aria-label': file.name });
    const words = h('span', { class: 'upload-state', text: t('uploading', { percent: 0 }) });
    const item = h('li', { class: 'upload' }, h('span', { class: 'upload-name', text: file.name }), progress, words);
    byId('uploads').append(item);
    state.uploadsInFlight++;
    api.upload(folderId, file, (fraction) => {
      progress.value = fraction;
      words.textContent = t('uploading', { percent: Math.round(fraction * 100) });
    }).then((taskId) => {
      item.dataset.taskId = taskId;
      words.textContent = t('uploaded');
    }, (error) => {
      item.classList.add('failed');
      words.textContent = t('uploadFailed', { error: describe(error) });
      item.append(h('button', { type: 'button', class: 'small quiet', text: t('dismiss'),
        onclick: () => item.remove() }));
    }).finally(() => {
      state.uploadsInFlight--;
      if (folderId === state.folderId) {
        loadDocuments().catch(notify);
      }
    });
  }
}

// ---------------------------------------------------------------- sessions

/**
 * Sessions come newest first from the API for the whole account; the folder's own are kept, page after page, until
 * there are enough to show or no pages are left.
 */
async function loadSessions(reset) {
  const folderId = state.folderId;
  if (reset) {
    state.sessions = [];
    state.sessionApiPage = 0;
    state.sessionApiTotalPages = 1;
  }
  if (!folderId) {
    renderSessions();
    return;
  }
  let added = 0;
  while (state.sessionApiPage < state.sessionApiTotalPages && added < 10) {
    const page = await api.sessions.list(state.sessionApiPage + 1, SESSION_API_PAGE_SIZE);
    if (folderId !== state.folderId) {
      return;
    }
    state.sessionApiPage = page.currentPage;
    state.sessionApiTotalPages = page.totalPage;
    const known = new Set(state.sessions.map((s) => s.sessionId));
    const mine = (page.sessionList || []).filter((s) => s.folderId === folderId && !known.has(s.sessionId));
    state.sessions.push(...mine);
    added += mine.length;
  }
  renderSessions();
}

function renderSessions() {
  const items = state.sessions.map((session) => {
    const open = h('button', { type: 'button', class: 'session-open', text: session.name,
      'aria-current': session.sessionId === state.sessionId ? 'true' : null,
      onclick: () => openSession(session.sessionId) });
    const rename = h('button', { type: 'button', class: 'small quiet', text: t('rename'),
      'aria-label': t('renameChat', { name: session.name }), onclick: () => startRename(li, session) });
    const remove = confirmingButton(h('button', { type: 'button', class: 'small danger', text: t('delete'),
      'aria-label': t('deleteChat', { name: session.name }) }), () => t('confirmDelete'),
    () => deleteSession(session.sessionId));
    const li = h('li', { class: 'session', dataset: { sessionId: session.sessionId } }, open,
      h('span', { class: 'session-actions' }, rename, remove));
    return li;
  });
  byId('session-list').replaceChildren(...items);
  byId('sessions-empty').hidden = items.length > 0 || !state.folderId;
  byId('more-sessions').hidden = state.sessionApiPage >= state.sessionApiTotalPages;
  byId('new-session').disabled = !state.folderId;
}

function startRename(li, session) {
  const input = h('input', { value: session.name, maxlength: '200', 'aria-label': t('chatName'), required: true });
  const form = h('form', { class: 'rename-form' }, input,
    h('button', { type: 'submit', class: 'small', text: t('save') }),
    h('button', { type: 'button', class: 'small quiet', text: t('cancel'), onclick: renderSessions }));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const name = input.value.trim();
    if (name && await guarded(() => api.sessions.rename(session.sessionId, name))) {
      session.name = name;
    }
    renderSessions();
    renderChatTitle();
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      renderSessions();
    }
  });
  li.replaceChildren(form);
  input.focus();
  input.select();
}

async function deleteSession(sessionId) {
  if (await guarded(() => api.sessions.remove(sessionId))) {
    state.sessions = state.sessions.filter((s) => s.sessionId !== sessionId);
    if (state.sessionId === sessionId) {
      state.sessionId = null;
      byId('turns').replaceChildren();
    }
    renderSessions();
    renderChat();
  }
}

async function newSession(name) {
  const folderId = state.folderId;
  const created = await api.sessions.create(folderId, name);
  const now = Date.now();
  state.sessions.unshift({ sessionId: created.sessionId, name, folderId, createTime: now, updateTime: now });
  state.sessionId = created.sessionId;
  byId('turns').replaceChildren();
  state.firstLoadedHistoryPage = 1;
  renderSessions();
  renderChat();
  await guarded(loadRestrictCandidates);
  return created.sessionId;
}

function defaultSessionName() {
  return t('newChat') + ' ' + new Date().toLocaleString(language() === 'zh' ? 'zh-CN' : 'en-GB',
    { dateStyle: 'short', timeStyle: 'short' });
}

async function openSession(sessionId) {
  state.sessionId = sessionId;
  state.restrictChosen.clear();
  renderSessions();
  renderChat();
  setView('chat');
  await guarded(loadHistory);
  await guarded(loadRestrictCandidates);
}

// ---------------------------------------------------------------- chat history

async function loadHistory() {
  const sessionId = state.sessionId;
  const first = await api.sessions.history(sessionId, 1, HISTORY_PAGE_SIZE);
  const last = first.totalPage > 1 ? await api.sessions.history(sessionId, first.totalPage, HISTORY_PAGE_SIZE) : first;
  if (sessionId !== state.sessionId) {
    return;
  }
  state.firstLoadedHistoryPage = Math.max(1, last.currentPage);
  byId('turns').replaceChildren(...(last.chatList || []).map(renderTurn));
  renderChat();
  scrollToEnd();
}

async function loadEarlier() {
  const sessionId = state.sessionId;
  if (state.loadingEarlier || !sessionId || state.firstLoadedHistoryPage <= 1) {
    return;
  }
  state.loadingEarlier = true;
  try {
    const page = state.firstLoadedHistoryPage - 1;
    const result = await api.sessions.history(sessionId, page, HISTORY_PAGE_SIZE);
    if (sessionId !== state.sessionId) {
      return;
    }
    const history = byId('history');
    const before = history.scrollHeight;
    byId('turns').prepend(...(result.chatList || []).map(renderTurn));
    history.scrollTop += history.scrollHeight - before;
    state.firstLoadedHistoryPage = page;
    renderChat();
  } catch (e) {
    notify(e);
  } finally {
    state.loadingEarlier = false;
  }
}

function scrollToEnd() {
  const history = byId('history');
  history.scrollTop = history.scrollHeight;
}

function renderChatTitle() {
  const session = state.sessions.find((s) => s.sessionId === state.sessionId);
  byId('chat-title').textContent = session ? session.name
    : (state.folderId ? t('chatIn', { folder: folderName(state.folderId) }) : t('noChatOpen'));
}

function renderChat() {
  renderChatTitle();
  byId('earlier').hidden = !state.sessionId || state.firstLoadedHistoryPage <= 1;
  byId('chat-empty').hidden = byId('turns').children.length > 0;
  byId('question').disabled = !state.folderId;
  byId('send').disabled = !state.folderId || Boolean(state.streaming);
  renderRestrict();
}

function isNoRelated(item) {
  return item.status !== undefined && (item.answer || '').trim() === NO_RELATED
    && (!item.refDocList || item.refDocList.length === 0);
}

/** Each cited page of an answer, in the order of its sources: what the viewer steps through. */
function citedPages(item) {
  const pages = [];
  for (const ref of item.refDocList || []) {
    const infos = (ref.docInfo && ref.docInfo.pageListInfo) || [];
    const nums = ref.pageNum && ref.pageNum.length ? ref.pageNum : [{ num: null, pos: [] }];
    for (const pageNum of nums) {
      const info = infos.find((i) => i.pageIdCurDoc === pageNum.num - 1) || null;
      pages.push({ ref, num: pageNum.num, pos: pageNum.pos || [], info });
    }
  }
  return pages;
}

function renderTurn(item) {
  const li = h('li', { class: 'turn' });
  li.item = item;
  updateTurn(li);
  return li;
}

function updateTurn(li) {
  const item = li.item;
  li.dataset.chatId = item.chatId || '';
  li.dataset.status = item.status || 'STREAMING';
  const answer = h('div', { class: 'answer-text' });
  if (isNoRelated(item)) {
    answer.classList.add('no-related');
    answer.textContent = t('noRelated');
  } else {
    answer.textContent = item.answer || '';
  }
  let status = null;
  // No status yet while this page streams it; ANSWERING when the history lists an answer still being written.
  if (!item.status || item.status === 'ANSWERING') {
    status = h('p', { class: 'answer-status writing', text: t('writing') });
  } else if (item.status === 'INTERRUPTED') {
    status = h('p', { class: 'answer-status interrupted', text: t('answer_INTERRUPTED') });
  } else if (item.status === 'FAILED') {
    status = h('p', { class: 'answer-status failed',
      text: t('answer_FAILED', { error: item.errorMessage || '' }) });
  }
  const pages = citedPages(item);
  const sources = pages.length === 0 ? null : h('nav', { class: 'sources', 'aria-label': t('sources') },
    h('span', { class: 'sources-label', text: t('sources') }),
    pages.map((page, index) => h('button', { type: 'button', class: 'source small quiet',
      text: page.num ? t('sourceButton', { doc: page.ref.docName, page: page.num }) : page.ref.docName,
      onclick: () => openSource(item, index) })));
  li.replaceChildren(
    h('div', { class: 'bubble question' }, h('span', { class: 'visually-hidden', text: t('you') + ': ' }),
      h('p', { text: item.question })),
    h('div', { class: 'bubble answer', 'aria-busy': item.status && item.status !== 'ANSWERING' ? 'false' : 'true' },
      h('span', { class: 'visually-hidden', text: t('answerLabel') + ': ' }), answer, status, sources));
}

// ---------------------------------------------------------------- asking (streamed)

async function ask() {
  const input = byId('question');
  const question = input.value.trim();
  if (!question || state.streaming || !state.folderId) {
    return;
  }
  clearNotice();
  let sessionId = state.sessionId;
  if (!sessionId) {
    sessionId = await guarded(() => newSession(question.length > 40 ? question.slice(0, 40) + '…' : question));
    if (!sessionId) {
      return;
    }
  }
  input.value = '';
  const item = { question, answer: '', refDocList: [] };
  const li = renderTurn(item);
  byId('turns').append(li);
  const controller = new AbortController();
  state.streaming = { controller, li };
  setStreaming(true);
  scrollToEnd();
  const request = { sessionId, question };
  if (state.restrictChosen.size > 0) {
    request.documentIds = [...state.restrictChosen].map(Number);
  }
  try {
    for await (const event of api.chatStream(request, controller.signal)) {
      if (event.refDocList) {
        item.refDocList = event.refDocList;
      }
      if (event.chatId) {
        item.chatId = event.chatId;
      }
      if (event.answer) {
        item.answer += event.answer;
      }
      if (event.status) {
        item.status = event.status;
        item.errorMessage = event.errorMessage;
      }
      const history = byId('history');
      const atEnd = history.scrollHeight - history.scrollTop - history.clientHeight < 80;
      updateTurn(li);
      if (atEnd) {
        scrollToEnd();
      }
    }
    if (!item.status) {
      // The response ended without its last event: the connection broke, and the server keeps what was written.
      item.status = 'INTERRUPTED';
    }
  } catch (e) {
    if (e.name === 'AbortError') {
      item.status = 'INTERRUPTED';
    } else if (!item.chatId) {
      // Refused before answering: nothing was stored, so the question goes back into the box.
      li.remove();
      input.value = question;
      notify(e);
    } else {
      item.status = 'FAILED';
      item.errorMessage = describe(e);
    }
  } finally {
    state.streaming = null;
    setStreaming(false);
    if (li.isConnected) {
      updateTurn(li);
    }
    renderChat();
    input.focus();
  }
}

function stopAnswer() {
  if (state.streaming) {
    state.streaming.controller.abort();
  }
}

function setStreaming(on) {
  byId('stop').hidden = !on;
  byId('send').hidden = on;
  byId('send').disabled = on;
  byId('chat-empty').hidden = true;
}

// ---------------------------------------------------------------- restricting an answer to chosen documents

async function loadRestrictCandidates() {
  const session = state.sessions.find((s) => s.sessionId === state.sessionId);
  const folderId = session ? session.folderId : state.folderId;
  if (!folderId) {
    return;
  }
  const candidates = [];
  for (const id of subtree(folderId)) {
    const page = await api.documents.list(id, 1, 100);
    for (const doc of page.documentList || []) {
      if (doc.jobStatus === 'PARSING_COMPLETED') {
        candidates.push(doc);
      }
    }
  }
  state.restrictCandidates = candidates;
  renderRestrict();
}

function renderRestrict() {
  const count = state.restrictChosen.size;
  byId('restrict-summary').textContent = count ? t('restrictSome', { count }) : t('restrictAll');
  const list = byId('restrict-list');
  const key = state.restrictCandidates.map((doc) => doc.id).join(',');
  if (list.dataset.key === key && list.querySelector('input')) {
    // The same documents: keep the boxes (and the keyboard focus on them), only their state may differ.
    for (const box of list.querySelectorAll('input')) {
      box.checked = state.restrictChosen.has(box.value);
    }
    return;
  }
  list.dataset.key = key;
  const legend = list.querySelector('legend');
  const boxes = state.restrictCandidates.map((doc) => {
    const box = h('input', { type: 'checkbox', value: String(doc.id), checked: state.restrictChosen.has(String(doc.id)),
      onchange: (event) => {
        if (event.target.checked) {
          state.restrictChosen.add(String(doc.id));
        } else {
          state.restrictChosen.delete(String(doc.id));
        }
        byId('restrict-summary').textContent = state.restrictChosen.size
          ? t('restrictSome', { count: state.restrictChosen.size }) : t('restrictAll');
      } });
    const where = doc.folderId === state.folderId ? '' : ' — ' + (doc.folderName || '');
    return h('label', { class: 'restrict-item' }, box, doc.docName + where);
  });
  list.replaceChildren(legend, ...(boxes.length ? boxes : [h('p', { class: 'hint', text: t('restrictNone') })]));
}

// ---------------------------------------------------------------- citations on the page

function openSource(item, index) {
  state.source = { pages: citedPages(item), index };
  byId('source-panel').hidden = false;
  document.body.classList.add('with-source');
  renderSource();
  setView('source');
}

function closeSource() {
  state.source = null;
  byId('source-panel').hidden = true;
  document.body.classList.remove('with-source');
  if (document.body.dataset.view === 'source') {
    setView('chat');
  } else {
    setView(document.body.dataset.view);
  }
}

function renderSource() {
  if (!state.source) {
    return;
  }
  const { pages, index } = state.source;
  const page = pages[index];
  const ref = page.ref;
  byId('source-title').textContent = ref.docName;
  byId('source-position').textContent = t('citedPage', { index: index + 1, count: pages.length });
  byId('source-prev').disabled = index <= 0;
  byId('source-next').disabled = index >= pages.length - 1;
  const pageCount = ref.docInfo ? ref.docInfo.pages : '';
  const caption = [page.num ? t('pageOfDoc', { page: page.num, pages: pageCount }) : ''];
  const image = byId('page-image');
  const overlay = byId('page-overlay');
  const info = page.info;
  if (info && info.imageUrl && info.imageWidth > 0 && info.imageHeight > 0) {
    byId('page-frame').hidden = false;
    image.width = info.imageWidth;
    image.height = info.imageHeight;
    image.src = info.imageUrl;
    image.alt = t('pageImageAlt', { page: page.num, doc: ref.docName });
    // The polygons are in pixels of the page image: a viewBox of that size scales them with the image.
    overlay.setAttribute('viewBox', `0 0 ${info.imageWidth} ${info.imageHeight}`);
    overlay.replaceChildren(...page.pos.map((polygon, line) => svg('polygon', {
      class: 'highlight', dataset: { line: String(line) },
      points: polygon.map((p) => `${p.x},${p.y}`).join(' ') })));
    caption.push(t('citedLines', { count: page.pos.length }));
  } else {
    byId('page-frame').hidden = true;
    image.removeAttribute('src');
    overlay.replaceChildren();
    caption.push(t('noImage'));
  }
  byId('page-caption').textContent = caption.filter(Boolean).join(' · ');
  byId('snippet').textContent = ref.snippet || '';
  const link = byId('original-link');
  link.href = ref.originDocUrl || ref.docUrl;
  link.textContent = t('openOriginal') + ' (' + (ref.originDocName || ref.docName) + ')';
}

function stepSource(delta) {
  if (!state.source) {
    return;
  }
  const next = state.source.index + delta;
  if (next >= 0 && next < state.source.pages.length) {
    state.source.index = next;
    renderSource();
  }
}

// ---------------------------------------------------------------- everything on screen, in the current language

function renderAll() {
  translatePage();
  renderTree();
  renderDocuments();
  renderSessions();
  for (const li of byId('turns').children) {
    updateTurn(li);
  }
  renderChat();
  renderSource();
  setView(document.body.dataset.view);
  if (!byId('layout').hidden) {
    showApp();
  }
}

function wire() {
  const languageSelect = byId('language');
  languageSelect.value = language();
  languageSelect.addEventListener('change', () => {
    setLanguage(languageSelect.value);
    renderAll();
  });
  for (const button of byId('views').querySelectorAll('button')) {
    button.addEventListener('click', () => setView(button.dataset.view));
  }
  byId('notice-close').addEventListener('click', clearNotice);
  byId('sign-in-form').addEventListener('submit', signIn);
  byId('sign-out').addEventListener('click', signOut);

  byId('new-folder').addEventListener('click', () => openFolderForm('0'));
  byId('new-subfolder').addEventListener('click', () => openFolderForm(state.folderId));
  byId('folder-cancel').addEventListener('click', () => { byId('folder-form').hidden = true; });
  byId('folder-form').addEventListener('submit', createFolder);
  confirmingButton(byId('delete-folder'), () => t('confirmDelete'), deleteFolder);

  const input = byId('file-input');
  input.addEventListener('change', () => {
    uploadFiles([...input.files]);
    input.value = '';
  });
  const dropzone = byId('dropzone');
  dropzone.addEventListener('dragover', (event) => {
    event.preventDefault();
    dropzone.classList.add('over');
  });
  dropzone.addEventListener('dragleave', () => dropzone.classList.remove('over'));
  dropzone.addEventListener('drop', (event) => {
    event.preventDefault();
    dropzone.classList.remove('over');
    uploadFiles([...event.dataTransfer.files]);
  });
  // A file dropped beside the drop zone must not make the browser leave the console to show it.
  document.addEventListener('dragover', (event) => event.preventDefault());
  document.addEventListener('drop', (event) => event.preventDefault());
  byId('doc-prev').addEventListener('click', () => guarded(() => loadDocuments(state.docs.page - 1)));
  byId('doc-next').addEventListener('click', () => guarded(() => loadDocuments(state.docs.page + 1)));

  byId('new-session').addEventListener('click', async () => {
    if (await guarded(() => newSession(defaultSessionName()))) {
      setView('chat');
      byId('question').focus();
    }
  });
  byId('more-sessions').addEventListener('click', () => guarded(() => loadSessions(false)));

  byId('composer').addEventListener('submit', (event) => {
    event.preventDefault();
    ask();
  });
  byId('question').addEventListener('keydown', (event) => {
    // While an input method composes (Chinese, Japanese), Enter picks a candidate and must not send.
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      ask();
    }
  });
  byId('restrict').addEventListener('toggle', () => {
    // Documents may have finished parsing since the list was made.
    if (byId('restrict').open) {
      guarded(loadRestrictCandidates);
    }
  });
  byId('stop').addEventListener('click', stopAnswer);
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && state.streaming) {
      event.preventDefault();
      stopAnswer();
    }
  });
  byId('earlier').addEventListener('click', loadEarlier);
  byId('history').addEventListener('scroll', () => {
    if (byId('history').scrollTop < 40) {
      loadEarlier();
    }
  });

  byId('source-close').addEventListener('click', closeSource);
  byId('source-prev').addEventListener('click', () => stepSource(-1));
  byId('source-next').addEventListener('click', () => stepSource(1));
}

wire();
renderAll();
start();
