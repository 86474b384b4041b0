namespace ProtocolOcr.Core.Forms;

/// <summary>
/// A repeating group (candidates, parties) in ballot order; its fields are <c>{Id}{n}</c>, n from 1.
/// <see cref="HeadingBox"/>, when set, is where the form prints the group's label above its members.
/// </summary>
public sealed record FieldGroup(string Id, LocalizedText Label, IReadOnlyList<GroupMember> Members, BoxRect? HeadingBox = null);
