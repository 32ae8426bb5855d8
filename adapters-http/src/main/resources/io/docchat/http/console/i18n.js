// The console's words in English and Chinese. The language follows the browser until the person picks one.

const MESSAGES = {
  en: {
    views: 'Views',
    viewLibrary: 'Library',
    viewDocuments: 'Documents',
    viewChat: 'Chat',
    viewSource: 'Source',
    language: 'Language',
    signOut: 'Sign out',
    dismiss: 'Dismiss',
    localMode: 'Local mode',
    signedIn: 'Signed in',
    signInTitle: 'Sign in',
    signInHelp: 'This server requires a bearer token. Create one on the server with:',
    token: 'Bearer token',
    signIn: 'Sign in',
    folders: 'Folders',
    newFolder: 'New folder',
    newSubfolder: 'New subfolder',
    deleteFolder: 'Delete folder',
    folderNameTop: 'Name of the new folder',
    folderNameIn: 'Name of the new folder in {folder}',
    create: 'Create',
    cancel: 'Cancel',
    noFolders: 'No folders yet. Create one to add documents.',
    chats: 'Chats',
    newChat: 'New chat',
    noChats: 'No chats in this folder yet.',
    moreChats: 'More chats',
    rename: 'Rename',
    renameChat: 'Rename chat {name}',
    deleteChat: 'Delete chat {name}',
    chatName: 'Name of the chat',
    save: 'Save',
    delete: 'Delete',
    confirmDelete: 'Really delete?',
    documentsIn: 'Documents in {folder}',
    chooseFolder: 'Choose a folder',
    dropHere: 'Drop files here, or',
    chooseFiles: 'Choose files',
    formats: 'PDF, Word, Excel, HTML, Markdown, text',
    uploads: 'Uploads',
    uploading: 'Uploading {percent}%',
    uploaded: 'Uploaded, parsing…',
    uploadFailed: 'Upload failed: {error}',
    name: 'Name',
    status: 'Status',
    pages: 'Pages',
    actions: 'Actions',
    noDocuments: 'No documents in this folder.',
    previous: 'Previous',
    next: 'Next',
    pageOf: 'Page {page} of {pages}',
    deleteDocument: 'Delete {name}',
    openDocument: 'Open {name}',
    status_PENDING: 'Waiting to be parsed',
    status_PARSING: 'Parsing…',
    status_PARSING_COMPLETED: 'Ready',
    status_PARSING_FAILED: 'Failed',
    chatIn: 'Chat in {folder}',
    noChatOpen: 'Chat',
    earlier: 'Earlier messages',
    conversation: 'Conversation',
    chatEmpty: 'Ask a question about the documents of this folder.',
    restrictAll: 'Answer from all documents of the folder',
    restrictSome: 'Answer only from the chosen documents ({count})',
    restrictLegend: 'Answer only from these documents',
    restrictNone: 'No parsed documents to choose from.',
    question: 'Question',
    questionPlaceholder: 'Ask about the documents…',
    send: 'Send',
    stop: 'Stop',
    keys: 'Enter sends, Shift+Enter starts a new line, Esc stops the answer.',
    you: 'You',
    answerLabel: 'Answer',
    writing: 'Writing…',
    noRelated: 'No related content found.',
    answer_INTERRUPTED: 'Stopped: the answer so far is kept.',
    answer_FAILED: 'The answer failed: {error}',
    sources: 'Sources',
    sourceButton: '{doc}, page {page}',
    close: 'Close',
    prevPage: 'Previous cited page',
    nextPage: 'Next cited page',
    citedPage: 'Cited page {index} of {count}',
    pageOfDoc: 'Page {page} of {pages}',
    citedLines: '{count} cited lines highlighted',
    noImage: 'This document has no page images; the cited text is shown below.',
    openOriginal: 'Open the original file',
    pageImageAlt: 'Page {page} of {doc}',
    err_FolderNotEmpty: 'This folder still holds documents or subfolders. Delete them first, then the folder.',
    err_FolderNotFound: 'The folder no longer exists.',
    err_SessionNotFound: 'The chat no longer exists.',
    err_DocumentNotFound: 'The document no longer exists.',
    err_UnsupportedDocumentType: 'No parser reads this kind of file.',
    err_PayloadTooLarge: 'The file is larger than the server accepts.',
    err_Throttling: 'The server is busy. Try again in a moment.',
    err_ModelUnavailable: 'The answer model cannot be reached.',
    err_MissingAuthorization: 'This server needs a bearer token.',
    'err_InvalidAccessKeyId.NotFound': 'The server does not know this bearer token.',
    err_NetworkError: 'The server cannot be reached.',
    err_InternalError: 'The server failed.',
    err_ServiceUnavailable: 'The server is shutting down.',
    err_MissingParameter: 'Something required is missing.',
    err_InvalidParameter: 'A value is not accepted.',
    errorWithCode: '{words} ({code})',
  },
  zh: {
    views: '视图',
    viewLibrary: '资料库',
    viewDocuments: '文档',
    viewChat: '对话',
    viewSource: '出处',
    language: '语言',
    signOut: '退出',
    dismiss: '关闭',
    localMode: '本地模式',
    signedIn: '已登录',
    signInTitle: '登录',
    signInHelp: '此服务器需要 Bearer 令牌。在服务器上用以下命令创建：',
    token: 'Bearer 令牌',
    signIn: '登录',
    folders: '文件夹',
    newFolder: '新建文件夹',
    newSubfolder: '新建子文件夹',
    deleteFolder: '删除文件夹',
    folderNameTop: '新文件夹的名称',
    folderNameIn: '{folder} 中新文件夹的名称',
    create: '创建',
    cancel: '取消',
    noFolders: '还没有文件夹。先创建一个，再添加文档。',
    chats: '对话',
    newChat: '新对话',
    noChats: '此文件夹还没有对话。',
    moreChats: '更多对话',
    rename: '重命名',
    renameChat: '重命名对话 {name}',
    deleteChat: '删除对话 {name}',
    chatName: '对话名称',
    save: '保存',
    delete: '删除',
    confirmDelete: '确定删除？',
    documentsIn: '{folder} 中的文档',
    chooseFolder: '请选择文件夹',
    dropHere: '把文件拖到这里，或',
    chooseFiles: '选择文件',
    formats: 'PDF、Word、Excel、HTML、Markdown、文本',
    uploads: '上传',
    uploading: '正在上传 {percent}%',
    uploaded: '已上传，正在解析…',
    uploadFailed: '上传失败：{error}',
    name: '名称',
    status: '状态',
    pages: '页数',
    actions: '操作',
    noDocuments: '此文件夹中没有文档。',
    previous: '上一页',
    next: '下一页',
    pageOf: '第 {page} 页，共 {pages} 页',
    deleteDocument: '删除 {name}',
    openDocument: '打开 {name}',
    status_PENDING: '等待解析',
    status_PARSING: '正在解析…',
    status_PARSING_COMPLETED: '就绪',
    status_PARSING_FAILED: '解析失败',
    chatIn: '{folder} 中的对话',
    noChatOpen: '对话',
    earlier: '更早的消息',
    conversation: '对话内容',
    chatEmpty: '就此文件夹中的文档提问。',
    restrictAll: '从文件夹的全部文档中回答',
    restrictSome: '只从选定的文档中回答（{count} 个）',
    restrictLegend: '只从这些文档中回答',
    restrictNone: '没有可选择的已解析文档。',
    question: '问题',
    questionPlaceholder: '就文档提问…',
    send: '发送',
    stop: '停止',
    keys: 'Enter 发送，Shift+Enter 换行，Esc 停止回答。',
    you: '你',
    answerLabel: '回答',
    writing: '正在回答…',
    noRelated: '未找到相关内容。',
    answer_INTERRUPTED: '已停止：保留了已写出的回答。',
    answer_FAILED: '回答失败：{error}',
    sources: '出处',
    sourceButton: '{doc}，第 {page} 页',
    close: '关闭',
    prevPage: '上一个引用页',
    nextPage: '下一个引用页',
    citedPage: '引用页 {index} / {count}',
    pageOfDoc: '第 {page} 页，共 {pages} 页',
    citedLines: '已标出 {count} 行引用',
    noImage: '此文档没有页面图像，下面显示引用的文字。',
    openOriginal: '打开原始文件',
    pageImageAlt: '{doc} 第 {page} 页',
    err_FolderNotEmpty: '此文件夹中还有文档或子文件夹。请先删除它们，再删除文件夹。',
    err_FolderNotFound: '文件夹已不存在。',
    err_SessionNotFound: '对话已不存在。',
    err_DocumentNotFound: '文档已不存在。',
    err_UnsupportedDocumentType: '没有解析器能读取这种文件。',
    err_PayloadTooLarge: '文件超过了服务器允许的大小。',
    err_Throttling: '服务器繁忙，请稍后再试。',
    err_ModelUnavailable: '无法连接回答模型。',
    err_MissingAuthorization: '此服务器需要 Bearer 令牌。',
    'err_InvalidAccessKeyId.NotFound': '服务器不认识这个 Bearer 令牌。',
    err_NetworkError: '无法连接服务器。',
    err_InternalError: '服务器出错。',
    err_ServiceUnavailable: '服务器正在关闭。',
    err_MissingParameter: '缺少必填内容。',
    err_InvalidParameter: '有一个值不被接受。',
    errorWithCode: '{words}（{code}）',
  },
};

const STORAGE_KEY = 'docchat.language';
let current = initialLanguage();

function initialLanguage() {
  const chosen = localStorage.getItem(STORAGE_KEY);
  if (chosen && MESSAGES[chosen]) {
    return chosen;
  }
  return (navigator.language || 'en').toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** The language in use: 'en' or 'zh'. */
export function language() {
  return current;
}

/** Switches the language and remembers the choice in this browser. */
export function setLanguage(lang) {
  if (MESSAGES[lang]) {
    current = lang;
    localStorage.setItem(STORAGE_KEY, lang);
  }
}

/** The message for key with {name} placeholders filled; the English text, then the key, when missing. */
export function t(key, vars = {}) {
  const text = MESSAGES[current][key] ?? MESSAGES.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (match, name) => (name in vars ? String(vars[name]) : match));
}

/** True when a message exists for key. */
export function has(key) {
  return key in MESSAGES[current] || key in MESSAGES.en;
}

/**
 * Translates the static page: data-i18n sets an element's text, data-i18n-attr="attr:key;attr:key" its attributes.
 */
export function translatePage(root = document) {
  document.documentElement.lang = current === 'zh' ? 'zh-CN' : 'en';
  for (const el of root.querySelectorAll('[data-i18n]')) {
    el.textContent = t(el.dataset.i18n);
  }
  for (const el of root.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of el.dataset.i18nAttr.split(';')) {
      const [attr, key] = pair.split(':');
      el.setAttribute(attr, t(key));
    }
  }
}
