namespace ProtocolOcr.Core.Forms;

public sealed record GroupMember(string FieldId, LocalizedText Name);
