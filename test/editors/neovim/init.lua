-- Drives Surveyor's language server from a headless Neovim, as a user's init.lua would start it,
-- and writes what it saw to $SURVEYOR_RESULTS (JSON) for test/editors/neovim.test.ts to check.
--
-- Written for Neovim 0.7 (Debian 12's): vim.lsp.start_client + buf_attach_client, and the settings
-- sent from on_init, since 0.7 cannot answer workspace/configuration. From 0.8 on, vim.lsp.start
-- does both steps (the README shows that form); the same `settings` table works with either.

local env = vim.env
local results = { neovim = tostring(vim.version().major) .. '.' .. vim.version().minor .. '.' .. vim.version().patch }
local WAIT_MS = 10000

local function write_results()
  local file = assert(io.open(env.SURVEYOR_RESULTS, 'w'))
  file:write(vim.fn.json_encode(results))
  file:close()
end

-- The current diagnostics of the buffer from Surveyor, by rule code.
local function findings(bufnr)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(out, { code = d.code, severity = d.severity, line = d.lnum, message = d.message })
  end
  return out
end

local function severity_of(bufnr, code)
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.code == code then return d.severity end
  end
  return nil
end

local function wait_for(what, predicate)
  if not vim.wait(WAIT_MS, predicate, 20) then error('timed out waiting for ' .. what) end
end

-- The hover text at the first occurrence of `needle` in the buffer.
local function hover_at(bufnr, needle)
  local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  for i, line in ipairs(lines) do
    local col = line:find(needle, 1, true)
    if col then
      local params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = i - 1, character = col - 1 } }
      local answers = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', params, WAIT_MS)
      for _, answer in pairs(answers or {}) do
        if answer.result and answer.result.contents then return answer.result.contents.value or '' end
      end
      return ''
    end
  end
  error(needle .. ' is not in the survey')
end

local function main()
  vim.cmd('edit ' .. vim.fn.fnameescape(env.SURVEYOR_SURVEY))
  local bufnr = vim.api.nvim_get_current_buf()

  -- What a user writes: the server on stdio (no arguments), Surveyor's settings under `surveyor`.
  local client_id = vim.lsp.start_client({
    name = 'surveyor',
    cmd = { env.SURVEYOR_NODE, env.SURVEYOR_SERVER },
    root_dir = vim.fn.fnamemodify(env.SURVEYOR_SURVEY, ':h'),
    init_options = { cacheDir = env.SURVEYOR_CACHE },
    settings = {
      surveyor = {
        rules = { ['list-numbering'] = 'error' },
        arxiv = { online = false, endpoint = env.SURVEYOR_ENDPOINT },
      },
    },
    on_init = function(client)
      client.notify('workspace/didChangeConfiguration', { settings = client.config.settings })
    end,
  })
  if not client_id then error('vim.lsp.start_client did not start the server') end
  vim.lsp.buf_attach_client(bufnr, client_id)

  -- Diagnostics arrive, with the severity the settings above asked for.
  wait_for('diagnostics', function() return severity_of(bufnr, 'list-numbering') ~= nil end)
  results.first = findings(bufnr)
  results.numbering_severity = severity_of(bufnr, 'list-numbering')
  -- A server that ignored the settings would be online with arXiv's own endpoint: ask it nothing.
  if results.numbering_severity ~= vim.diagnostic.severity.ERROR then error('the settings sent from on_init were not applied') end

  -- Hover on a paper of the bundled snapshot shows its title.
  results.snapshot_hover = hover_at(bufnr, env.SURVEYOR_SNAPSHOT_ID)
  -- Hover on a paper only the loopback arXiv knows: offline, it is not fetched.
  results.offline_hover = hover_at(bufnr, env.SURVEYOR_UNKNOWN_ID)

  -- A pushed setting is honoured: the finding goes.
  local client = vim.lsp.get_client_by_id(client_id)
  -- Neovim 0.8 and later answer workspace/configuration from client.config.settings, and the
  -- server asks after a push: what is pushed must be what Neovim answers too.
  local function push(settings)
    client.config.settings = settings
    client.notify('workspace/didChangeConfiguration', { settings = settings })
  end
  push({ surveyor = { rules = { ['list-numbering'] = 'off' }, arxiv = { online = false, endpoint = env.SURVEYOR_ENDPOINT } } })
  wait_for('the list-numbering finding to go', function() return severity_of(bufnr, 'list-numbering') == nil end)
  results.after_push = findings(bufnr)

  -- The background fetch looks at a document a second after it changed: still offline after that,
  -- the unknown paper has not been fetched (a fetched paper would show its title).
  vim.wait(1200, function() return false end, 50)
  results.offline_hover_later = hover_at(bufnr, env.SURVEYOR_UNKNOWN_ID)

  -- Online, the same endpoint answers: the hover starts the fetch, and the title shows once it is in.
  push({ surveyor = { arxiv = { online = true, endpoint = env.SURVEYOR_ENDPOINT } } })
  local deadline = vim.loop.now() + WAIT_MS
  repeat
    results.online_hover = hover_at(bufnr, env.SURVEYOR_UNKNOWN_ID)
    if results.online_hover:find(env.SURVEYOR_UNKNOWN_TITLE, 1, true) then break end
    vim.wait(100, function() return false end, 20)
  until vim.loop.now() > deadline

  client.stop()
  vim.wait(2000, function() return client.is_stopped() end, 20)
end

local ok, err = xpcall(main, debug.traceback)
if not ok then results.error = err end
write_results()
vim.cmd('qa!')
