namespace ProtocolOcr.Infrastructure.Downstream.Report;

/// <summary>One verified precinct in the turnout-versus-share picture (percentages).</summary>
public sealed record ScatterPoint(string Region, string Precinct, double Turnout, double Share);
