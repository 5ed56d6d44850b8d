// Fake of `@langchain/core/messages`: message classes holding `content` (a string, or
// `{ content }`), which the fake chat model reads like any message's content.
class BaseMessage {
  constructor(fields) {
    this.content = typeof fields === "string" ? fields : fields.content;
  }
}

export class HumanMessage extends BaseMessage {
  _getType() {
    return "human";
  }
}

export class SystemMessage extends BaseMessage {
  _getType() {
    return "system";
  }
}

export class AIMessage extends BaseMessage {
  _getType() {
    return "ai";
  }
}

export class ToolMessage extends BaseMessage {
  _getType() {
    return "tool";
  }
}
