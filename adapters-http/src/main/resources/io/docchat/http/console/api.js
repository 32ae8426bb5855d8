// The aidoc HTTP API as the console uses it: the same routes, envelopes and checks as the SDKs.

const TOKEN_KEY = 'docchat.bearerToken';
const JSON_TYPE = 'application/json; charset=utf-8';

/** A failure of the API (or of the network), with the API's error code. */
export class ApiError extends Error {
  constructor(status, code, message, requestId) {
    super(message || code);
    this.status = status;
    this.code = code;
    this.requestId = requestId;
  }
}

/** The bearer token of this browser tab: kept in sessionStorage, sent in a header, never put in a URL. */
export const token = {
  get: () => sessionStorage.getItem(TOKEN_KEY),
  set: (value) => sessionStorage.setItem(TOKEN_KEY, value),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

function authHeaders(headers = {}) {
  const bearer = token.get();
  if (bearer) {
    headers['x-acs-bearer-token'] = bearer;
  }
  return headers;
}

async function errorOf(response) {
  const text = await response.text().catch(() => '');
  try {
    const body = JSON.parse(text);
    if (body && body.Code) {
      return new ApiError(response.status, body.Code, body.Message, body.RequestId);
    }
  } catch (ignored) {
    // Not the API's error body: a proxy or a crash in between; the status is all there is.
  }
  return new ApiError(response.status, 'HTTP' + response.status, text.slice(0, 200));
}

async function send(method, path, { body, contentType, signal } = {}) {
  const headers = authHeaders();
  if (contentType) {
    headers['Content-Type'] = contentType;
  }
  let response;
  try {
    response = await fetch(path, { method, headers, body, signal, credentials: 'omit', cache: 'no-store' });
  } catch (e) {
    if (e.name === 'AbortError') {
      throw e;
    }
    throw new ApiError(0, 'NetworkError', e.message);
  }
  if (!response.ok) {
    throw await errorOf(response);
  }
  return response;
}

async function data(response) {
  const envelope = await response.json();
  return envelope.data;
}

/** POSTs a JSON object to a JSON route and returns the envelope's data. */
export async function post(path, body = {}) {
  return data(await send('POST', path, { body: JSON.stringify(body), contentType: JSON_TYPE }));
}

/** Calls a route whose parameters travel in the query only (no body, no content type). */
export async function queryOnly(method, path, params) {
  return data(await send(method, path + '?' + new URLSearchParams(params)));
}

export const folders = {
  tree: () => post('/api/v2/aidoc/document/chat/folder/list'),
  add: (folderName, parentFolderId) => post('/api/v1/aidoc/folder/add', { folderName, parentFolderId }),
  remove: (folderId) => queryOnly('DELETE', '/api/v1/aidoc/folder/delete', { folderId }),
};

export const documents = {
  list: (folderId, currentPage, pageSize) =>
    post('/api/v2/aidoc/document/list', { folderId, currentPage, pageSize }),
  detail: (taskId) => queryOnly('GET', '/api/v1/aidoc/document/detail', { taskId }),
  remove: (taskId) => queryOnly('DELETE', '/api/v1/aidoc/document/delete', { taskId }),
};

export const sessions = {
  list: (currentPage, pageSize) => post('/api/v2/aidoc/document/chat/session/list', { currentPage, pageSize }),
  create: (folderId, name) => post('/api/v2/aidoc/document/chat/session/create', { folderId, name }),
  rename: (sessionId, name) => post('/api/v2/aidoc/document/chat/session/update', { sessionId, name }),
  remove: (sessionId) => post('/api/v2/aidoc/document/chat/session/delete', { sessionId }),
  history: (sessionId, currentPage, pageSize) =>
    post('/api/v2/aidoc/document/chat/list', { sessionId, currentPage, pageSize }),
};

/**
 * Uploads one file's bytes (application/octet-stream, as the API's upload extension takes them) with
 * XMLHttpRequest, whose upload events give the progress that fetch cannot. Resolves to the taskId.
 */
export function upload(folderId, file, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const query = new URLSearchParams({ fileName: file.name, folderId });
    xhr.open('POST', '/api/v2/aidoc/document/submitDocParsingTask?' + query);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    for (const [name, value] of Object.entries(authHeaders())) {
      xhr.setRequestHeader(name, value);
    }
    xhr.upload.addEventListener('progress', (e) => {
      if (e.lengthComputable) {
        onProgress(e.loaded / e.total);
      }
    });
    xhr.addEventListener('load', () => {
      let body = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch (ignored) {
        // handled below as an error without the API's body
      }
      if (xhr.status === 200 && body && body.data) {
        onProgress(1);
        resolve(body.data.taskId);
      } else if (body && body.Code) {
        reject(new ApiError(xhr.status, body.Code, body.Message, body.RequestId));
      } else {
        reject(new ApiError(xhr.status, 'HTTP' + xhr.status, xhr.responseText.slice(0, 200)));
      }
    });
    xhr.addEventListener('error', () => reject(new ApiError(0, 'NetworkError', 'upload failed')));
    xhr.send(file);
  });
}

/**
 * Asks a question with ChatStream and yields each event's ChatItem fragment as it arrives: the first carries the
 * citations, then one per answer delta, the last carries the status. Aborting the signal stops the answer; the
 * server keeps the pair as INTERRUPTED.
 */
export async function* chatStream(request, signal) {
  const response = await send('POST', '/api/v2/aidoc/document/chat/stream',
    { body: JSON.stringify(request), contentType: JSON_TYPE, signal });
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) {
        break;
      }
      buffer += decoder.decode(value, { stream: true });
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const event = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const payload = event.split('\n').filter((line) => line.startsWith('data:'))
          .map((line) => line.slice(line.startsWith('data: ') ? 6 : 5)).join('\n');
        if (payload) {
          yield JSON.parse(payload).data;
        }
      }
    }
  } finally {
    reader.releaseLock();
  }
}
