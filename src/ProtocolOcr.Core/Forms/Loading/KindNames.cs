namespace ProtocolOcr.Core.Forms.Loading;

/// <summary>The YAML spelling of a <see cref="FieldKind"/> (<c>count</c>, <c>code</c>, ...).</summary>
internal static class KindNames
{
    public static string Of(FieldKind kind) => kind.ToString().ToLowerInvariant();
}
