namespace ProtocolOcr.Core.Forms;

public enum FieldKind
{
    /// <summary>A non-negative integer written in the box column (voters, ballots, votes).</summary>
    Count,
    /// <summary>A code such as the precinct number: digits, but not arithmetic.</summary>
    Code,
    Text,
    Signature,
    Stamp,
}
