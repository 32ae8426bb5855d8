package io.docchat.http.sdk;

import com.aliyun.tea.NameInMap;
import com.aliyun.tea.TeaModel;
import java.util.List;
import java.util.Map;

/**
 * The response models of the generated {@code energyexpertexternal20220923} SDK, field for field: the same
 * {@code @NameInMap} names and Java types, so that {@link TeaModel#toModel} fills them from a response the way the
 * generated client does. Every class is public with a public no-argument constructor because the runtime builds
 * nested models and list elements by reflection.
 */
final class AidocModels {
    private AidocModels() {}

    /** The status and headers of any response, as the generated {@code *Response} classes read them. */
    public static class ResponseHead extends TeaModel {
        @NameInMap("headers")
        public Map<String, String> headers;
        @NameInMap("statusCode")
        public Integer statusCode;
    }

    public static class FolderItem extends TeaModel {
        @NameInMap("currentLevel")
        public Integer currentLevel;
        @NameInMap("docCount")
        public Integer docCount;
        @NameInMap("folderId")
        public String folderId;
        @NameInMap("folderName")
        public String folderName;
        @NameInMap("folderNum")
        public Integer folderNum;
        @NameInMap("parentFolderId")
        public String parentFolderId;
        @NameInMap("subFolderList")
        public List<FolderItem> subFolderList;
    }

    public static class AddFolderBody extends TeaModel {
        @NameInMap("data")
        public FolderItem data;
        @NameInMap("requestId")
        public String requestId;
    }

    /** The SDK types {@code subFolders} as a list of ChatItem, so it sees one level with no fields in common. */
    public static class ChatFolderItem extends TeaModel {
        @NameInMap("folderId")
        public String folderId;
        @NameInMap("folderName")
        public String folderName;
        @NameInMap("subFolders")
        public List<ChatItem> subFolders;
    }

    public static class FolderListBody extends TeaModel {
        @NameInMap("data")
        public List<ChatFolderItem> data;
        @NameInMap("requestId")
        public String requestId;
    }

    public static class BooleanBody extends TeaModel {
        @NameInMap("data")
        public Boolean data;
        @NameInMap("requestId")
        public String requestId;
    }

    public static class TaskIdData extends TeaModel {
        @NameInMap("taskId")
        public String taskId;
    }

    public static class SubmitBody extends TeaModel {
        @NameInMap("data")
        public TaskIdData data;
        @NameInMap("requestId")
        public String requestId;
    }

    public static class ContentData extends TeaModel {
        @NameInMap("content")
        public String content;
    }

    public static class ParsingResultBody extends TeaModel {
        @NameInMap("data")
        public ContentData data;
        @NameInMap("requestId")
        public String requestId;
    }

    public static class DocumentDetailItem extends TeaModel {
        @NameInMap("createTime")
        public String createTime;
        @NameInMap("docHash")
        public String docHash;
        @NameInMap("docName")
        public String docName;
        @NameInMap("docUrl")
        public String docUrl;
        @NameInMap("folderId")
        public String folderId;
        @NameInMap("folderName")
        public String folderName;
        @NameInMap("id")
        public Long id;
        @NameInMap("jobId")
        public String jobId;
        @NameInMap("jobStatus")
        public String jobStatus;
        @NameInMap("originDocName")
        public String originDocName;
        @NameInMap("originDocUrl")
        public String originDocUrl;
        @NameInMap("updateTime")
        public String updateTime;
    }

    public static class DetailBody extends TeaModel {
        @NameInMap("data")
        public DocumentDetailItem data;
        @NameInMap("requestId")
        public String requestId;
    }

    public static class SessionIdData extends TeaModel {
        @NameInMap("sessionId")
        public String sessionId;
    }

    public static class CreateSessionBody extends TeaModel {
        @NameInMap("data")
        public SessionIdData data;
        @NameInMap("requestId")
        public String requestId;
    }

    public static class SessionItem extends TeaModel {
        @NameInMap("createTime")
        public Long createTime;
        @NameInMap("folderId")
        public String folderId;
        @NameInMap("name")
        public String name;
        @NameInMap("sessionId")
        public String sessionId;
        @NameInMap("updateTime")
        public Long updateTime;
        @NameInMap("userId")
        public String userId;
    }

    public static class SessionListData extends TeaModel {
        @NameInMap("currentPage")
        public Long currentPage;
        @NameInMap("pageSize")
        public Long pageSize;
        @NameInMap("sessionList")
        public List<SessionItem> sessionList;
        @NameInMap("total")
        public Long total;
        @NameInMap("totalPage")
        public Long totalPage;
    }

    public static class SessionListBody extends TeaModel {
        @NameInMap("data")
        public SessionListData data;
        @NameInMap("requestId")
        public String requestId;
    }

    public static class ChatRefDocPostion extends TeaModel {
        @NameInMap("x")
        public Integer x;
        @NameInMap("y")
        public Integer y;
    }

    public static class ChatDocumentPageNum extends TeaModel {
        @NameInMap("num")
        public Integer num;
        @NameInMap("pos")
        public List<List<ChatRefDocPostion>> pos;
    }

    public static class ChatRefDocPageInfo extends TeaModel {
        @NameInMap("angle")
        public Double angle;
        @NameInMap("excelParseResult")
        public String excelParseResult;
        @NameInMap("imageHeight")
        public Integer imageHeight;
        @NameInMap("imageUrl")
        public String imageUrl;
        @NameInMap("imageWidth")
        public Integer imageWidth;
        @NameInMap("pageIdCurDoc")
        public Integer pageIdCurDoc;
        @NameInMap("pdfParseResult")
        public String pdfParseResult;
        @NameInMap("wordParseResult")
        public String wordParseResult;
    }

    public static class ChatRefDocInfo extends TeaModel {
        @NameInMap("pageListInfo")
        public List<ChatRefDocPageInfo> pageListInfo;
        @NameInMap("pages")
        public Long pages;
    }

    public static class ChatRefDocItem extends TeaModel {
        @NameInMap("docInfo")
        public ChatRefDocInfo docInfo;
        @NameInMap("docName")
        public String docName;
        @NameInMap("docUrl")
        public String docUrl;
        @NameInMap("originDocName")
        public String originDocName;
        @NameInMap("originDocUrl")
        public String originDocUrl;
        @NameInMap("pageNum")
        public List<ChatDocumentPageNum> pageNum;
        @NameInMap("sourceType")
        public String sourceType;
    }

    public static class ChatItem extends TeaModel {
        @NameInMap("answer")
        public String answer;
        @NameInMap("createTime")
        public Long createTime;
        @NameInMap("folderId")
        public String folderId;
        @NameInMap("folderName")
        public String folderName;
        @NameInMap("question")
        public String question;
        @NameInMap("refDocList")
        public List<ChatRefDocItem> refDocList;
    }

    /** Chat and ChatStream (as one JSON document) share this body. */
    public static class ChatBody extends TeaModel {
        @NameInMap("data")
        public ChatItem data;
        @NameInMap("requestId")
        public String requestId;
    }

    public static class ChatListData extends TeaModel {
        @NameInMap("chatList")
        public List<ChatItem> chatList;
        @NameInMap("currentPage")
        public Long currentPage;
        @NameInMap("pageSize")
        public Long pageSize;
        @NameInMap("total")
        public Long total;
        @NameInMap("totalPage")
        public Long totalPage;
    }

    public static class ChatListBody extends TeaModel {
        @NameInMap("data")
        public ChatListData data;
        @NameInMap("requestId")
        public String requestId;
    }

    public static class ChunkItem extends TeaModel {
        @NameInMap("chunkContent")
        public String chunkContent;
        @NameInMap("chunkId")
        public String chunkId;
        @NameInMap("docElsIds")
        public List<String> docElsIds;
        @NameInMap("docId")
        public String docId;
        @NameInMap("docName")
        public String docName;
        @NameInMap("docUrl")
        public String docUrl;
        @NameInMap("rerankScore")
        public Float rerankScore;
        @NameInMap("score")
        public Float score;
        @NameInMap("weightedScore")
        public Float weightedScore;
    }

    public static class RetrieveData extends TeaModel {
        @NameInMap("jobId")
        public String jobId;
        @NameInMap("results")
        public List<ChunkItem> results;
    }

    public static class RetrieveBody extends TeaModel {
        @NameInMap("data")
        public RetrieveData data;
        @NameInMap("requestId")
        public String requestId;
    }
}
