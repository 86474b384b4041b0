namespace ProtocolOcr.Tools.DecideReplay;

/// <summary>One photo of a DEV set: its truth file, whether the pipeline rejected it, and every field's raw readings.</summary>
internal sealed record RecordedPhoto(string Set, string Photo, string TruthPath, bool Rejected, Dictionary<string, RecordedField> Fields);
