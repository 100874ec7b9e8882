//! Temporary files for what the streaming exports set aside on disk: the external sort's runs,
//! the graph projection's copy of the merged keys and its spooled nodes and edges, TriG's sorted
//! quads. They are compressed with LZ4 frames: sorted N-Triples and N-Quads lines share long
//! prefixes and shrink several times over, at a cost well below that of reading the store, and
//! at a million releases the uncompressed files would fill a disk (about 40 GB for a graph
//! export).

use std::io::{self, Read, Write};

use lz4_flex::frame::{BlockMode, BlockSize, FrameDecoder, FrameEncoder, FrameInfo};

/// A writer that compresses into `inner`; end it with [`finish`].
pub fn compress<W: Write>(inner: W) -> FrameEncoder<W> {
    // Small linked blocks: a merge keeps one decoder (two blocks) per run open.
    let info = FrameInfo::new()
        .block_size(BlockSize::Max64KB)
        .block_mode(BlockMode::Linked);
    FrameEncoder::with_frame_info(info, inner)
}

/// Writes the end of the frame and returns the inner writer.
pub fn finish<W: Write>(writer: FrameEncoder<W>) -> io::Result<W> {
    let mut inner = writer.finish()?;
    inner.flush()?;
    Ok(inner)
}

/// A buffered reader of what [`compress`] wrote to `inner`.
pub fn decompress<R: Read>(inner: R) -> FrameDecoder<R> {
    FrameDecoder::new(inner)
}

#[cfg(test)]
mod tests {
    use std::io::{BufRead, Seek};

    use super::*;

    #[test]
    fn what_is_compressed_reads_back_line_for_line_and_smaller() {
        let lines: Vec<String> = (0..50_000)
            .map(|i| {
                format!("<https://example.org/r/{i:08}> <https://schema.org/name> \"R {i}\" .")
            })
            .collect();
        let mut file = tempfile::tempfile().unwrap();
        let mut writer = compress(&mut file);
        for line in &lines {
            writer.write_all(line.as_bytes()).unwrap();
            writer.write_all(b"\n").unwrap();
        }
        finish(writer).unwrap();
        let plain: usize = lines.iter().map(|l| l.len() + 1).sum();
        let size = file.metadata().unwrap().len() as usize;
        assert!(size * 4 < plain, "{size} bytes for {plain}");
        file.rewind().unwrap();
        let read: Vec<String> = decompress(file).lines().map(Result::unwrap).collect();
        assert_eq!(read, lines);
    }
}
