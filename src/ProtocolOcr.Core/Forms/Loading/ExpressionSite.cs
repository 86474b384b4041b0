using YamlDotNet.RepresentationModel;

namespace ProtocolOcr.Core.Forms.Loading;

/// <summary>
/// Where an expression came from. <see cref="Exact"/> is true when <see cref="Node"/>'s text is the expression itself,
/// so an error position inside it maps to a column; false for expressions the loader built (group splits).
/// </summary>
internal sealed record ExpressionSite(YamlNode Node, bool Exact);
