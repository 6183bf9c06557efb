//! Where uploaded files live. A trait so a trust can later put them in S3-compatible storage; the
//! local directory is the default. Keys are generated here, never taken from a file's name.

pub mod upload;

use std::path::PathBuf;
use std::sync::Arc;

/// What went wrong storing or reading a file.
#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    /// No file under that key.
    #[error("no stored file {0}")]
    Missing(String),
    /// The key is not one this store made.
    #[error("invalid storage key")]
    InvalidKey,
    /// The disk (or remote store) failed.
    #[error("storage failed: {0}")]
    Io(#[from] std::io::Error),
}

/// A place to keep uploaded files' bytes.
#[async_trait::async_trait]
pub trait FileStore: Send + Sync + std::fmt::Debug {
    /// Stores `bytes` and returns the new key.
    async fn put(&self, bytes: &[u8]) -> Result<String, StorageError>;
    /// The bytes stored under `key`.
    async fn get(&self, key: &str) -> Result<Vec<u8>, StorageError>;
    /// The file under `key` to read as it is sent, with its length: a download never holds a
    /// whole file in memory.
    async fn open(&self, key: &str) -> Result<Opened, StorageError>;
    /// Removes the file (missing is fine).
    async fn delete(&self, key: &str) -> Result<(), StorageError>;
}

/// A stored file opened for reading.
pub struct Opened {
    /// Its length in bytes.
    pub len: u64,
    /// Its bytes, as they are read.
    pub reader: std::pin::Pin<Box<dyn tokio::io::AsyncRead + Send>>,
}

/// The shared handle the app state carries.
pub type SharedStore = Arc<dyn FileStore>;

/// Files in a local directory, named by random keys.
#[derive(Debug, Clone)]
pub struct LocalDir {
    root: PathBuf,
}

impl LocalDir {
    /// A store in `root` (created on first write).
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Self { root: root.into() }
    }

    fn path(&self, key: &str) -> Result<PathBuf, StorageError> {
        // Keys are ours (hex); anything else could walk out of the directory.
        if key.len() != 32 || !key.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(StorageError::InvalidKey);
        }
        Ok(self.root.join(&key[..2]).join(key))
    }
}

#[async_trait::async_trait]
impl FileStore for LocalDir {
    async fn put(&self, bytes: &[u8]) -> Result<String, StorageError> {
        let key: String = (0..16)
            .map(|_| format!("{:02x}", rand::random::<u8>()))
            .collect();
        let path = self.path(&key)?;
        if let Some(dir) = path.parent() {
            tokio::fs::create_dir_all(dir).await?;
        }
        // Write then rename, so a crash never leaves half a file under a real key.
        let partial = path.with_extension("partial");
        tokio::fs::write(&partial, bytes).await?;
        tokio::fs::rename(&partial, &path).await?;
        Ok(key)
    }

    async fn get(&self, key: &str) -> Result<Vec<u8>, StorageError> {
        let path = self.path(key)?;
        match tokio::fs::read(&path).await {
            Ok(bytes) => Ok(bytes),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                Err(StorageError::Missing(key.to_string()))
            }
            Err(e) => Err(e.into()),
        }
    }

    async fn open(&self, key: &str) -> Result<Opened, StorageError> {
        let path = self.path(key)?;
        let file = match tokio::fs::File::open(&path).await {
            Ok(file) => file,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(StorageError::Missing(key.to_string()));
            }
            Err(e) => return Err(e.into()),
        };
        let len = file.metadata().await?.len();
        Ok(Opened {
            len,
            reader: Box::pin(file),
        })
    }

    async fn delete(&self, key: &str) -> Result<(), StorageError> {
        match tokio::fs::remove_file(self.path(key)?).await {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e.into()),
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn stores_reads_and_deletes_real_files() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = LocalDir::new(dir.path());
        let key = store.put(b"%PDF-1.4 letter").await.expect("put");
        assert_eq!(store.get(&key).await.expect("get"), b"%PDF-1.4 letter");
        assert!(dir.path().join(&key[..2]).join(&key).exists());
        // Opened to stream: its length, and the same bytes read through.
        let mut opened = store.open(&key).await.expect("open");
        assert_eq!(opened.len, 15);
        let mut read = Vec::new();
        tokio::io::AsyncReadExt::read_to_end(&mut opened.reader, &mut read)
            .await
            .expect("read");
        assert_eq!(read, b"%PDF-1.4 letter");
        store.delete(&key).await.expect("delete");
        assert!(matches!(
            store.open(&key).await,
            Err(StorageError::Missing(_))
        ));
        assert!(matches!(
            store.open("../x").await,
            Err(StorageError::InvalidKey)
        ));
        assert!(matches!(
            store.get(&key).await,
            Err(StorageError::Missing(_))
        ));
        assert!(matches!(
            store.get("../../etc/passwd").await,
            Err(StorageError::InvalidKey)
        ));
    }
}
