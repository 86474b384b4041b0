namespace ProtocolOcr.Core.Recognition;

/// <summary>
/// A permanent failure caused by the photo itself: retrying cannot help. Stages throw it; the pipeline turns it
/// into a rejected <see cref="ProtocolRecognition"/>.
/// </summary>
public sealed class PhotoRejectedException : Exception
{
    public PhotoRejectedException(string code, string message) : base(message) => Code = code;

    public PhotoRejectedException(string code, string message, Exception inner) : base(message, inner) => Code = code;

    public string Code { get; }

    public RejectionReason ToReason() => new(Code, Message);
}
