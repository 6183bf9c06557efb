//! Views that hydrate at once. Lazily loaded routes make Leptos hydrate the whole page through
//! its asynchronous path, which compiles an async state machine for every element type of every
//! page — in each wasm chunk, next to the synchronous path. Only the route's chunk needs waiting
//! for; what a page shows is already in the HTML and its data in the page, so page content (and
//! the frame around the routes) hydrates synchronously inside [`HydrateNow`], and the async
//! machinery is compiled only down to it.

use leptos::prelude::*;
use leptos::tachys::html::attribute::{Attribute, any_attribute::AnyAttribute};
use leptos::tachys::hydration::Cursor;
use leptos::tachys::ssr::StreamBuilder;
use leptos::tachys::view::add_attr::AddAnyAttr;
use leptos::tachys::view::{Position, PositionState, Render, RenderHtml};

/// A view whose hydration never waits: [`RenderHtml::hydrate_async`] keeps its default, which
/// hydrates synchronously.
pub struct HydrateNow<V>(V);

impl<V: Render> Render for HydrateNow<V> {
    type State = V::State;

    fn build(self) -> Self::State {
        self.0.build()
    }

    fn rebuild(self, state: &mut Self::State) {
        self.0.rebuild(state)
    }
}

impl<V: RenderHtml> RenderHtml for HydrateNow<V> {
    type AsyncOutput = HydrateNow<V::AsyncOutput>;
    type Owned = HydrateNow<V::Owned>;

    const MIN_LENGTH: usize = V::MIN_LENGTH;
    const EXISTS: bool = V::EXISTS;

    fn dry_resolve(&mut self) {
        self.0.dry_resolve();
    }

    async fn resolve(self) -> Self::AsyncOutput {
        HydrateNow(self.0.resolve().await)
    }

    fn html_len(&self) -> usize {
        self.0.html_len()
    }

    fn to_html_with_buf(
        self,
        buf: &mut String,
        position: &mut Position,
        escape: bool,
        mark_branches: bool,
        extra_attrs: Vec<AnyAttribute>,
    ) {
        self.0
            .to_html_with_buf(buf, position, escape, mark_branches, extra_attrs);
    }

    fn to_html_async_with_buf<const OUT_OF_ORDER: bool>(
        self,
        buf: &mut StreamBuilder,
        position: &mut Position,
        escape: bool,
        mark_branches: bool,
        extra_attrs: Vec<AnyAttribute>,
    ) where
        Self: Sized,
    {
        self.0.to_html_async_with_buf::<OUT_OF_ORDER>(
            buf,
            position,
            escape,
            mark_branches,
            extra_attrs,
        );
    }

    fn hydrate<const FROM_SERVER: bool>(
        self,
        cursor: &Cursor,
        position: &PositionState,
    ) -> Self::State {
        self.0.hydrate::<FROM_SERVER>(cursor, position)
    }

    fn into_owned(self) -> Self::Owned {
        HydrateNow(self.0.into_owned())
    }
}

impl<V: AddAnyAttr> AddAnyAttr for HydrateNow<V> {
    type Output<SomeNewAttr: Attribute> = HydrateNow<V::Output<SomeNewAttr>>;

    fn add_any_attr<NewAttr: Attribute>(self, attr: NewAttr) -> Self::Output<NewAttr>
    where
        Self::Output<NewAttr>: RenderHtml,
    {
        HydrateNow(self.0.add_any_attr(attr))
    }
}

/// Type-erases a view that hydrates at once; use it instead of `into_any` for page content.
pub trait IntoAnyNow {
    /// The view as an [`AnyView`] that hydrates synchronously.
    fn into_any_now(self) -> AnyView;
}

impl<V: RenderHtml + Send + 'static> IntoAnyNow for V {
    fn into_any_now(self) -> AnyView {
        HydrateNow(self).into_any()
    }
}
