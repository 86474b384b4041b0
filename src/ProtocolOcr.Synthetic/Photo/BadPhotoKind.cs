using ProtocolOcr.Core.Recognition;

namespace ProtocolOcr.Synthetic.Photo;

/// <summary>Ways a photo is unusable; each maps to the reason code a correct pipeline must reject it with.</summary>
public enum BadPhotoKind
{
    TooBlurry,
    TooDark,
    PageCutOff,
    NotAProtocol,
}

public static class BadPhotoKindReasons
{
    public static string ReasonCode(this BadPhotoKind kind) => kind switch
    {
        BadPhotoKind.TooBlurry => ReasonCodes.TooBlurry,
        BadPhotoKind.TooDark => ReasonCodes.TooDark,
        BadPhotoKind.PageCutOff => ReasonCodes.PageCutOff,
        BadPhotoKind.NotAProtocol => ReasonCodes.NotAProtocol,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
