export {
  LINE_ASSIGNMENT_MODES,
  lineHolder,
  nextInTurn,
  turnOrder,
  type LineAssignment,
  type LineHolder,
  type Turn,
  type TurnCursor,
  type TurnInput,
} from './lineAssignment';
