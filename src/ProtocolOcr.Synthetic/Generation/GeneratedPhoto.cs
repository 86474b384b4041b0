namespace ProtocolOcr.Synthetic.Generation;

/// <summary>A generated photo (JPEG bytes) and its ground truth.</summary>
public sealed record GeneratedPhoto(string Name, byte[] Jpeg, PhotoTruth Truth)
{
    public string PhotoFileName => Name + ".jpg";

    public string TruthFileName => Name + PhotoTruth.FileSuffix;

    public void WriteTo(string directory)
    {
        File.WriteAllBytes(Path.Combine(directory, PhotoFileName), Jpeg);
        File.WriteAllText(Path.Combine(directory, TruthFileName), Truth.ToJson());
    }
}
