import { gunicornTree, parseProcessTable } from '../../src/profile/process-tree.js'
import { captured, type CaptureName } from './captured.js'

describe('gunicornTree on captured `docker top` output', () => {
  it.each<[CaptureName, number, number, number[]]>([
    ['base', 11102, 29468, [35512, 35364]],
    ['head', 12674, 29368, [188656, 188800]],
    ['head-preload', 14495, 191188, [186180, 185676]]
  ])('%s: finds the master and its workers with their RSS', (name, masterPid, masterKiB, workersKiB) => {
    const tree = gunicornTree(parseProcessTable(captured(name, 'top.txt')))
    expect(tree.master?.pid).toBe(masterPid)
    expect(tree.master?.rssBytes).toBe(masterKiB * 1024)
    expect(tree.workers.map((worker) => worker.rssBytes)).toEqual(workersKiB.map((kib) => kib * 1024))
    expect(tree.workers.every((worker) => worker.ppid === masterPid)).toBe(true)
  })

  it('sees only the worker that had booted at the first healthy answer of the preloaded app', () => {
    expect(gunicornTree(parseProcessTable(captured('head-preload', 'boot.top.txt'))).workers).toHaveLength(1)
  })
})

describe('gunicornTree on other process trees', () => {
  const table = (rows: string[]): string => ['PID PPID RSS COMMAND', ...rows].join('\n')
  it.each([
    [
      'under `sh -c` and tini',
      [
        '10 1 900 /sbin/tini -- sh -c gunicorn app:app',
        '11 10 700 sh -c gunicorn app:app',
        '12 11 20000 gunicorn app:app',
        '13 12 30000 gunicorn app:app'
      ],
      12,
      [13]
    ],
    [
      'named by setproctitle',
      ['5 1 20000 gunicorn: master [app:app]', '6 5 31000 gunicorn: worker [app:app]', '7 5 32000 gunicorn: worker [app:app]'],
      5,
      [6, 7]
    ],
    [
      'with a worker running a subprocess',
      ['5 1 20000 gunicorn app:app', '6 5 31000 gunicorn app:app', '9 6 4000 /usr/bin/convert in.png out.jpg'],
      5,
      [6]
    ],
    [
      'with a sidecar gunicorn-less process first',
      ['3 1 5000 python manage.py rqworker', '5 1 20000 python -m gunicorn app:app', '6 5 31000 python -m gunicorn app:app'],
      5,
      [6]
    ]
  ])('%s', (_name, rows, masterPid, workerPids) => {
    const tree = gunicornTree(parseProcessTable(table(rows)))
    expect(tree.master?.pid).toBe(masterPid)
    expect(tree.workers.map((worker) => worker.pid)).toEqual(workerPids)
  })

  it('finds no master when nothing runs Gunicorn', () => {
    expect(gunicornTree(parseProcessTable(table(['1 0 9000 uvicorn app:app'])))).toEqual({ workers: [] })
  })
})
