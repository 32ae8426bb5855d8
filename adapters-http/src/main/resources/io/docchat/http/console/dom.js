// Small helpers to build elements without any markup strings (so no text is ever parsed as HTML).

const SVG_NS = 'http://www.w3.org/2000/svg';

function apply(el, attrs, children) {
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name === 'text') {
      el.textContent = value;
    } else if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.slice(2), value);
    } else if (name === 'dataset') {
      Object.assign(el.dataset, value);
    } else {
      el.setAttribute(name, value === true ? '' : String(value));
    }
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) {
      el.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }
  return el;
}

/** An HTML element: h('button', {class: 'small', onclick: fn, text: 'Go'}). */
export function h(tag, attrs = {}, ...children) {
  return apply(document.createElement(tag), attrs, children);
}

/** An SVG element. */
export function svg(tag, attrs = {}, ...children) {
  return apply(document.createElementNS(SVG_NS, tag), attrs, children);
}

/** The element with this id. */
export function byId(id) {
  return document.getElementById(id);
}

/**
 * Makes a delete button ask once more before acting: the first press turns it into "Really delete?", a second press
 * within a few seconds runs the action.
 */
export function confirmingButton(button, confirmText, action) {
  let armed = null;
  const disarm = () => {
    clearTimeout(armed);
    armed = null;
    button.textContent = button.dataset.label;
    if (button.dataset.name) {
      button.setAttribute('aria-label', button.dataset.name);
    }
    button.classList.remove('armed');
  };
  button.addEventListener('click', () => {
    if (armed) {
      disarm();
      action();
      return;
    }
    // The labels are read when arming, so a button translated since it was made gets its current label back.
    const confirm = typeof confirmText === 'function' ? confirmText() : confirmText;
    button.dataset.label = button.textContent;
    const name = button.getAttribute('aria-label');
    if (name) {
      button.dataset.name = name;
      button.setAttribute('aria-label', confirm + ' ' + name);
    }
    button.textContent = confirm;
    button.classList.add('armed');
    armed = setTimeout(disarm, 4000);
  });
  return button;
}
