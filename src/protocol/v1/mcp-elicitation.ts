/**
 * MCP elicitation: the form schema an MCP server asks the user to fill (a restricted JSON Schema, so
 * several property names here are JSON Schema keywords) and the `mcpServer/elicitation/request` payloads.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Dict, Json, OneOf, Opt, StrEnum, f64, u32, u64 } from '../schema-kit.ts';

export const McpElicitationArrayType = StrEnum(['array'], { $id: 'McpElicitationArrayType' });
export type McpElicitationArrayType = Static<typeof McpElicitationArrayType>;

export const McpElicitationBooleanType = StrEnum(['boolean'], { $id: 'McpElicitationBooleanType' });
export type McpElicitationBooleanType = Static<typeof McpElicitationBooleanType>;

export const McpElicitationBooleanSchema = Type.Object(
  {
    type: McpElicitationBooleanType,
    title: Opt(Type.String()),
    description: Opt(Type.String()),
    default: Opt(Type.Boolean()),
  },
  { $id: 'McpElicitationBooleanSchema', additionalProperties: false },
);
export type McpElicitationBooleanSchema = Static<typeof McpElicitationBooleanSchema>;

export const McpElicitationConstOption = Type.Object(
  { const: Type.String(), title: Type.String() },
  { $id: 'McpElicitationConstOption', additionalProperties: false },
);
export type McpElicitationConstOption = Static<typeof McpElicitationConstOption>;

export const McpElicitationStringType = StrEnum(['string'], { $id: 'McpElicitationStringType' });
export type McpElicitationStringType = Static<typeof McpElicitationStringType>;

export const McpElicitationUntitledSingleSelectEnumSchema = Type.Object(
  {
    type: McpElicitationStringType,
    title: Opt(Type.String()),
    description: Opt(Type.String()),
    enum: Type.Array(Type.String()),
    default: Opt(Type.String()),
  },
  { $id: 'McpElicitationUntitledSingleSelectEnumSchema', additionalProperties: false },
);
export type McpElicitationUntitledSingleSelectEnumSchema = Static<typeof McpElicitationUntitledSingleSelectEnumSchema>;

export const McpElicitationTitledSingleSelectEnumSchema = Type.Object(
  {
    type: McpElicitationStringType,
    title: Opt(Type.String()),
    description: Opt(Type.String()),
    oneOf: Type.Array(McpElicitationConstOption),
    default: Opt(Type.String()),
  },
  { $id: 'McpElicitationTitledSingleSelectEnumSchema', additionalProperties: false },
);
export type McpElicitationTitledSingleSelectEnumSchema = Static<typeof McpElicitationTitledSingleSelectEnumSchema>;

export const McpElicitationSingleSelectEnumSchema = Type.Union([
  McpElicitationUntitledSingleSelectEnumSchema,
  McpElicitationTitledSingleSelectEnumSchema,
], { $id: 'McpElicitationSingleSelectEnumSchema' });
export type McpElicitationSingleSelectEnumSchema = Static<typeof McpElicitationSingleSelectEnumSchema>;

export const McpElicitationUntitledEnumItems = Type.Object(
  { type: McpElicitationStringType, enum: Type.Array(Type.String()) },
  { $id: 'McpElicitationUntitledEnumItems', additionalProperties: false },
);
export type McpElicitationUntitledEnumItems = Static<typeof McpElicitationUntitledEnumItems>;

export const McpElicitationUntitledMultiSelectEnumSchema = Type.Object(
  {
    type: McpElicitationArrayType,
    title: Opt(Type.String()),
    description: Opt(Type.String()),
    minItems: Opt(u64()),
    maxItems: Opt(u64()),
    items: McpElicitationUntitledEnumItems,
    default: Opt(Type.Array(Type.String())),
  },
  { $id: 'McpElicitationUntitledMultiSelectEnumSchema', additionalProperties: false },
);
export type McpElicitationUntitledMultiSelectEnumSchema = Static<typeof McpElicitationUntitledMultiSelectEnumSchema>;

export const McpElicitationTitledEnumItems = Type.Object(
  { anyOf: Type.Array(McpElicitationConstOption) },
  { $id: 'McpElicitationTitledEnumItems', additionalProperties: false },
);
export type McpElicitationTitledEnumItems = Static<typeof McpElicitationTitledEnumItems>;

export const McpElicitationTitledMultiSelectEnumSchema = Type.Object(
  {
    type: McpElicitationArrayType,
    title: Opt(Type.String()),
    description: Opt(Type.String()),
    minItems: Opt(u64()),
    maxItems: Opt(u64()),
    items: McpElicitationTitledEnumItems,
    default: Opt(Type.Array(Type.String())),
  },
  { $id: 'McpElicitationTitledMultiSelectEnumSchema', additionalProperties: false },
);
export type McpElicitationTitledMultiSelectEnumSchema = Static<typeof McpElicitationTitledMultiSelectEnumSchema>;

export const McpElicitationMultiSelectEnumSchema = Type.Union([
  McpElicitationUntitledMultiSelectEnumSchema,
  McpElicitationTitledMultiSelectEnumSchema,
], { $id: 'McpElicitationMultiSelectEnumSchema' });
export type McpElicitationMultiSelectEnumSchema = Static<typeof McpElicitationMultiSelectEnumSchema>;

export const McpElicitationLegacyTitledEnumSchema = Type.Object(
  {
    type: McpElicitationStringType,
    title: Opt(Type.String()),
    description: Opt(Type.String()),
    enum: Type.Array(Type.String()),
    enumNames: Opt(Type.Array(Type.String())),
    default: Opt(Type.String()),
  },
  { $id: 'McpElicitationLegacyTitledEnumSchema', additionalProperties: false },
);
export type McpElicitationLegacyTitledEnumSchema = Static<typeof McpElicitationLegacyTitledEnumSchema>;

export const McpElicitationEnumSchema = Type.Union([
  McpElicitationSingleSelectEnumSchema,
  McpElicitationMultiSelectEnumSchema,
  McpElicitationLegacyTitledEnumSchema,
], { $id: 'McpElicitationEnumSchema' });
export type McpElicitationEnumSchema = Static<typeof McpElicitationEnumSchema>;

export const McpElicitationNumberType = StrEnum(['number', 'integer'], { $id: 'McpElicitationNumberType' });
export type McpElicitationNumberType = Static<typeof McpElicitationNumberType>;

export const McpElicitationNumberSchema = Type.Object(
  {
    type: McpElicitationNumberType,
    title: Opt(Type.String()),
    description: Opt(Type.String()),
    minimum: Opt(f64()),
    maximum: Opt(f64()),
    default: Opt(f64()),
  },
  { $id: 'McpElicitationNumberSchema', additionalProperties: false },
);
export type McpElicitationNumberSchema = Static<typeof McpElicitationNumberSchema>;

export const McpElicitationObjectType = StrEnum(['object'], { $id: 'McpElicitationObjectType' });
export type McpElicitationObjectType = Static<typeof McpElicitationObjectType>;

export const McpElicitationStringFormat = StrEnum(['email', 'uri', 'date', 'date-time'], {
  $id: 'McpElicitationStringFormat',
});
export type McpElicitationStringFormat = Static<typeof McpElicitationStringFormat>;

export const McpElicitationStringSchema = Type.Object(
  {
    type: McpElicitationStringType,
    title: Opt(Type.String()),
    description: Opt(Type.String()),
    minLength: Opt(u32()),
    maxLength: Opt(u32()),
    format: Opt(McpElicitationStringFormat),
    default: Opt(Type.String()),
  },
  { $id: 'McpElicitationStringSchema', additionalProperties: false },
);
export type McpElicitationStringSchema = Static<typeof McpElicitationStringSchema>;

export const McpElicitationPrimitiveSchema = Type.Union([
  McpElicitationEnumSchema,
  McpElicitationStringSchema,
  McpElicitationNumberSchema,
  McpElicitationBooleanSchema,
], { $id: 'McpElicitationPrimitiveSchema' });
export type McpElicitationPrimitiveSchema = Static<typeof McpElicitationPrimitiveSchema>;

export const McpElicitationSchema = Type.Object(
  {
    $schema: Opt(Type.String()),
    type: McpElicitationObjectType,
    properties: Dict(McpElicitationPrimitiveSchema),
    required: Opt(Type.Array(Type.String())),
  },
  { $id: 'McpElicitationSchema', additionalProperties: false },
);
export type McpElicitationSchema = Static<typeof McpElicitationSchema>;

export const McpServerElicitationRequestParams = Type.Intersect([
  Type.Object({ threadId: Type.String(), turnId: Opt(Type.String()), serverName: Type.String() }),
  OneOf([
    Type.Object({
      mode: StrEnum(['form']),
      _meta: Type.Optional(Json()),
      message: Type.String(),
      requestedSchema: McpElicitationSchema,
    }),
    Type.Object({
      mode: StrEnum(['url']),
      _meta: Type.Optional(Json()),
      message: Type.String(),
      url: Type.String(),
      elicitationId: Type.String(),
    }),
  ]),
], { $id: 'McpServerElicitationRequestParams' });
export type McpServerElicitationRequestParams = Static<typeof McpServerElicitationRequestParams>;

export const McpServerElicitationAction = StrEnum(['accept', 'decline', 'cancel'], {
  $id: 'McpServerElicitationAction',
});
export type McpServerElicitationAction = Static<typeof McpServerElicitationAction>;

export const McpServerElicitationRequestResponse = Type.Object({
  action: McpServerElicitationAction,
  content: Type.Optional(Json('{}')),
  _meta: Type.Optional(Json('{}')),
}, { $id: 'McpServerElicitationRequestResponse' });
export type McpServerElicitationRequestResponse = Static<typeof McpServerElicitationRequestResponse>;
