namespace ProtocolOcr.Infrastructure.Downstream.Consensus;

/// <summary>A precinct as uploads name it: election, region and precinct number (compared as text).</summary>
public sealed record PrecinctKey(string ElectionId, string Region, string Precinct)
{
    public override string ToString() => $"{ElectionId}/{Region}/{Precinct}";
}
