namespace ProtocolOcr.Infrastructure.Recognitions;

public sealed record StoredRecognition(RecognitionHeader Header, IReadOnlyList<StoredField> Fields);
