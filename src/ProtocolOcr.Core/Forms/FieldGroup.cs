namespace ProtocolOcr.Core.Forms;

/// <summary>A repeating group (candidates, parties) in ballot order; its fields are <c>{Id}{n}</c>, n from 1.</summary>
public sealed record FieldGroup(string Id, LocalizedText Label, IReadOnlyList<GroupMember> Members);
