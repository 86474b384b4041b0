using ProtocolOcr.Core.Forms;
using ProtocolOcr.Core.Forms.Loading;
using ProtocolOcr.Core.Forms.Synthesis;

namespace ProtocolOcr.Core.Tests.Forms;

public sealed class SynthesisPlanTests
{
    private static readonly FormDefinition Form = FormLoader.LoadFile(TestData.MinimalForm);

    [Fact]
    public void Orders_fields_after_the_fields_their_hints_use()
    {
        var form = Form with { Fields = Form.Fields.Reverse().ToList() };

        var order = SynthesisPlan.Create(form).Order.ToList();

        Assert.True(order.IndexOf("L1") < order.IndexOf("L2"));
        Assert.True(order.IndexOf("L2") < order.IndexOf("V1"));
        Assert.True(order.IndexOf("L3") < order.IndexOf("V2"));
        Assert.True(order.IndexOf("V1") < order.IndexOf("V2"));
        Assert.DoesNotContain("SEAL", order);
    }

    [Fact]
    public void Samples_stay_in_range_and_are_deterministic_per_seed()
    {
        var plan = SynthesisPlan.Create(Form);

        for (var seed = 0; seed < 300; seed++)
        {
            var values = plan.Sample(new Random(seed));
            Assert.InRange(values["L1"], 100, 1000);
            Assert.InRange(values["L2"], (values["L1"] + 1) / 2, values["L1"]);
            Assert.Equal(0, values["L3"]);
            Assert.Equal(values["L2"], values["V1"] + values["V2"]);
            Assert.Equal(values, plan.Sample(new Random(seed)));
        }
    }

    [Fact]
    public void A_cycle_is_rejected_with_its_path()
    {
        var l1 = Form.Field("L1") with { Synthesis = new FieldSynthesis(Derive: "V2") };
        var form = Form with { Fields = Form.Fields.Select(f => f.Id == "L1" ? l1 : f).ToList() };

        var error = Assert.Throws<SynthesisException>(() => SynthesisPlan.Create(form));

        Assert.Equal("hints form a cycle: L1 -> V2 -> L2 -> L1", error.Problem);
    }
}
