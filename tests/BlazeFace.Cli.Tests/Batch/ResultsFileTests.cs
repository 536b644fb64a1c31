using System.Text;
using BlazeFace.Cli.Files;
using BlazeFace.Cli.Tests.Video;

namespace BlazeFace.Cli.Tests.Batch;

/// <summary>The --resume file: read for the images it holds, appended one whole line at a time, an unfinished last line cut off.</summary>
public sealed class ResultsFileTests : IDisposable
{
    private readonly TemporaryFolder _work = new();

    public void Dispose() => _work.Dispose();

    [Test]
    public void A_missing_file_is_created_empty()
    {
        string path = _work.File($"{Guid.NewGuid():N}.jsonl");

        using (ResultsFile results = ResultsFile.Open(path))
        {
            Assert.That(results.Images, Is.Empty);
        }

        Assert.That(File.ReadAllBytes(path), Is.Empty);
    }

    [Test]
    public void The_images_of_every_complete_line_are_known_and_new_lines_go_after_them()
    {
        string path = _work.File($"{Guid.NewGuid():N}.jsonl");
        File.WriteAllText(path, "{\"image\":\"a.jpg\",\"faces\":[]}\n\n{\"image\":\"b.jpg\",\"faces\":[]}\n");

        using (ResultsFile results = ResultsFile.Open(path))
        {
            Assert.That(results.Images, Is.EquivalentTo(new[] { "a.jpg", "b.jpg" }));
            Assert.That(results.DroppedBytes, Is.Zero);
            results.Append("{\"image\":\"c.jpg\",\"faces\":[]}\n"u8);
        }

        Assert.That(File.ReadAllLines(path), Is.EqualTo(new[] { "{\"image\":\"a.jpg\",\"faces\":[]}", "", "{\"image\":\"b.jpg\",\"faces\":[]}", "{\"image\":\"c.jpg\",\"faces\":[]}" }));
    }

    [Test]
    public void A_line_left_unfinished_by_a_kill_is_cut_off_and_its_image_not_counted_done()
    {
        string path = _work.File($"{Guid.NewGuid():N}.jsonl");
        File.WriteAllText(path, "{\"image\":\"a.jpg\",\"faces\":[]}\n{\"image\":\"b.jpg\",\"fa");

        using (ResultsFile results = ResultsFile.Open(path))
        {
            Assert.That(results.Images, Is.EquivalentTo(new[] { "a.jpg" }));
            Assert.That(results.DroppedBytes, Is.EqualTo(Encoding.UTF8.GetByteCount("{\"image\":\"b.jpg\",\"fa")));
        }

        Assert.That(File.ReadAllText(path), Is.EqualTo("{\"image\":\"a.jpg\",\"faces\":[]}\n"));
    }

    [TestCase("not json\n")]
    [TestCase("[1, 2]\n")]
    [TestCase("{\"faces\":[]}\n")]
    [TestCase("{\"image\":3}\n")]
    [TestCase("{\"image\":\"a.jpg\"} {\"image\":\"b.jpg\"}\n")]
    public void A_file_holding_anything_but_detect_results_is_refused_and_left_as_it_was(string content)
    {
        string path = _work.File($"{Guid.NewGuid():N}.jsonl");
        File.WriteAllText(path, "{\"image\":\"a.jpg\",\"faces\":[]}\n" + content);

        var error = Assert.Throws<InvalidDataException>(() => ResultsFile.Open(path));

        Assert.That(error!.Message, Does.StartWith("line 2 is not a detect result"));
        Assert.That(File.ReadAllText(path), Is.EqualTo("{\"image\":\"a.jpg\",\"faces\":[]}\n" + content));
    }

    [TestCase("RIFF\0\0\0\0AVI ")]
    [TestCase("{\"faces\":[")]
    [TestCase("a note without a newline")]
    public void A_last_line_that_is_not_the_start_of_a_result_is_refused_and_never_cut(string content)
    {
        string path = _work.File($"{Guid.NewGuid():N}.jsonl");
        File.WriteAllText(path, "{\"image\":\"a.jpg\",\"faces\":[]}\n" + content);

        var error = Assert.Throws<InvalidDataException>(() => ResultsFile.Open(path));

        Assert.That(error!.Message, Does.StartWith("line 2 has no newline and is not the start of a detect result"));
        Assert.That(File.ReadAllText(path), Is.EqualTo("{\"image\":\"a.jpg\",\"faces\":[]}\n" + content));
    }

    [Test]
    public void A_folder_is_refused() =>
        Assert.That(() => ResultsFile.Open(_work.Path), Throws.TypeOf<OutputFileException>().With.Message.Contains("folder"));

    [Test]
    public void A_second_run_appending_to_the_same_file_at_once_is_refused()
    {
        string path = _work.File($"{Guid.NewGuid():N}.jsonl");
        using ResultsFile first = ResultsFile.Open(path);

        Assert.That(() => ResultsFile.Open(path), Throws.TypeOf<OutputFileException>().With.Message.Contains("another run"));
    }
}
