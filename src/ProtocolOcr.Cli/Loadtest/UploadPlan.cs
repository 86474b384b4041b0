namespace ProtocolOcr.Cli.Loadtest;

/// <summary>The burst's requests in order: new photos, and a share of exact resends of an earlier request.</summary>
public static class UploadPlan
{
    public static IReadOnlyList<PlannedUpload> Create(LoadtestSettings settings, int poolSize)
    {
        var random = new Random(settings.Seed);
        var plan = new List<PlannedUpload>(settings.Uploads);
        for (var i = 0; i < settings.Uploads; i++)
        {
            plan.Add(i > 0 && random.NextDouble() < settings.DuplicateShare
                ? plan[random.Next(i)]
                : new PlannedUpload(i % poolSize, i));
        }

        return plan;
    }
}
