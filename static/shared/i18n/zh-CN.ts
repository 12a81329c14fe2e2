import type { Messages } from './en';

/** Simplified Chinese. Typed as `Messages`: a missing or extra key is a type error. */
export const zhCN: Messages = {
  'common.notSet': '未设置',
  'common.retry': '重试',
  'common.refresh': '刷新',

  'error.title': '出错了',
  'error.codeLabel': '错误代码：{code}',
  'errorCode.unknown': '发生了意外错误。',
  'errorCode.UI_BRIDGE_UNAVAILABLE': '此页面只能在 Jira 中使用，请从 Jira 事务中打开。',
  'errorCode.UI_INVOKE_FAILED': '无法连接到应用。请检查网络连接后重试。',
  'errorCode.UI_MALFORMED_RESPONSE': '应用返回了无法识别的响应。',
  'errorCode.UI_NO_ISSUE_CONTEXT': '未找到此面板对应的事务。',
  'errorCode.INVALID_PAYLOAD': '应用拒绝了事务 {issueKey} 的请求。请刷新页面后重试。',
  'errorCode.NOT_READY': '此事务的 ITR 信息暂不可用。',

  'panel.label': '{issueKey} 的 ITR 信息',
  'panel.loading': '正在加载 ITR 信息…',
  'panel.loadFailed': '无法加载 ITR 信息',
  'panel.notItr': '此事务尚未纳入 ITR 跟踪。',
  'panel.updated': '更新于 {time}',

  'field.kind': 'ITR 类型',
  'field.grade': '等级',
  'field.line': '支持线',
  'field.lineEnteredAt': '进入本线时间',
  'field.warnAt': '预警时间',
  'field.dueAt': '到期时间',
  'field.status': '状态',

  'grade.withTable': '{grade} · 定级表 v{version}',

  'kind.technicalService': '技术服务',
  'kind.nonTechnicalService': '非技术服务',
  'kind.spareParts': '备件',
  'kind.complaint': '投诉',

  'line.L1': '一线 (L1)',
  'line.L2': '二线 (L2)',
  'line.L3': '三线 (L3)',

  'status.onTrack': '正常',
  'status.warning': '预警',
  'status.overdue': '已超时',
  'status.notStarted': '未开始',
  'status.label': 'SLA 状态：{status}',

  'time.relative': '（{relative}）',
};
