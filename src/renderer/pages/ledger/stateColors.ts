/** Badge colours of transfer states: grey drafts, blue in approval, indigo in progress, green done, red refused. */
export const STATE_COLOR: Record<string, string> = {
  草稿: 'gray',
  待审批: 'blue',
  已批准: 'cyan',
  已退回: 'orange',
  不予批准: 'red',
  已决定: 'indigo',
  已移送: 'violet',
  已立案: 'grape',
  办理中: 'indigo',
  已化解: 'teal',
  已结案: 'green',
  已退出: 'dark',
};
