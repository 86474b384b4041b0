namespace ProtocolOcr.Infrastructure.Downstream.Report;

/// <summary>
/// One verified precinct in the turnout-versus-share picture (percentages), by the observers and, when the precinct
/// has official results, by the commission.
/// </summary>
public sealed record ScatterPoint(string Region, string Precinct, double Turnout, double Share, double? OfficialTurnout, double? OfficialShare);
