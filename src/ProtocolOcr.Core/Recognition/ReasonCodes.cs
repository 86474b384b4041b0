namespace ProtocolOcr.Core.Recognition;

/// <summary>Stable reason codes for permanent failures. Clients and the benchmark compare against these strings.</summary>
public static class ReasonCodes
{
    public const string UnreadableImage = "unreadable_image";
    public const string ResolutionTooLow = "resolution_too_low";
    public const string TooBlurry = "too_blurry";
    public const string TooDark = "too_dark";
    public const string Overexposed = "overexposed";
    public const string PageNotFound = "page_not_found";
    public const string PageCutOff = "page_cut_off";
    public const string NotAProtocol = "not_a_protocol";
    public const string TemplateMismatch = "template_mismatch";
    public const string UnknownForm = "unknown_form";
}
