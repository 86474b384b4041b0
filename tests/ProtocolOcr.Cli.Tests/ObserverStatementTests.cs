using ProtocolOcr.Cli.Benchmark;
using ProtocolOcr.Core.Forms;
using ProtocolOcr.Core.Forms.Loading;
using ProtocolOcr.Synthetic.Generation;
using ProtocolOcr.Synthetic.Photo;

namespace ProtocolOcr.Cli.Tests;

public sealed class ObserverStatementTests
{
    private readonly FormDefinition _form = FormCatalog.LoadDirectory(FormsDirectory.Locate()).Get("kz.president.2019");

    [Fact]
    public void Without_typos_the_observer_states_the_true_precinct()
    {
        Assert.All(Enumerable.Range(0, 50), index => Assert.Equal("418", ObserverStatement.PrecinctFor(Truth(418, index), _form, 0)));
    }

    [Fact]
    public void A_typo_is_one_digit_changed_lost_or_doubled_and_the_same_on_every_run()
    {
        var stated = Enumerable.Range(0, 200).Select(index => ObserverStatement.PrecinctFor(Truth(418, index), _form, 1)).ToList();

        Assert.All(stated, precinct => Assert.NotEqual("418", precinct));
        Assert.All(stated, precinct => Assert.True(OneEditApart("418", precinct!), precinct));
        Assert.Contains(stated, precinct => precinct!.Length == 2);
        Assert.Contains(stated, precinct => precinct!.Length == 4);
        Assert.Contains(stated, precinct => precinct!.Length == 3);
        Assert.Equal(stated, Enumerable.Range(0, 200).Select(index => ObserverStatement.PrecinctFor(Truth(418, index), _form, 1)));
    }

    [Fact]
    public void About_the_asked_share_of_statements_are_typos()
    {
        var typos = Enumerable.Range(0, 2000).Count(index => ObserverStatement.PrecinctFor(Truth(418, index), _form, 0.1) != "418");

        Assert.InRange(typos, 140, 260);
    }

    private static bool OneEditApart(string truth, string stated) =>
        stated.Length == truth.Length
            ? truth.Zip(stated).Count(pair => pair.First != pair.Second) == 1
            : Enumerable.Range(0, Math.Max(truth.Length, stated.Length))
                .Any(position => (truth.Length > stated.Length ? truth.Remove(position, 1) == stated : position < stated.Length && stated.Remove(position, 1) == truth));

    private static PhotoTruth Truth(long precinct, int index) => new(
        "x.jpg", "kz.president.2019", "1", "phone", "handwritten", 7, index, 2000, 2600, 1654, 2339, null, [], null,
        [new FieldTruth("PRECINCT", precinct, [], "handwritten", [])], "blue_ballpoint", CapturePresets.Sample(CaptureLevel.Clean, new Random(1)));
}
